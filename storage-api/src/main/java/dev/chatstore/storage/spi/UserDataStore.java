package dev.chatstore.storage.spi;

import java.util.Map;

import static dev.chatstore.storage.spi.Access.READ;
import static dev.chatstore.storage.spi.Access.WRITE;
import static dev.chatstore.storage.spi.Route.CHAT;

/** Per-user data within a chat (table {@code user_data}). Part of {@link ChatStore}; see there for the common contract. */
public interface UserDataStore {
    /**
     * Stores {@code data} under {@code key} for the user in the chat, replacing any value.
     *
     * @param key  non-null
     * @param data non-null
     */
    @Operation(access = WRITE, route = CHAT)
    void addUserData(long userId, @ChatId long chatId, String key, String data);

    /** @return an unmodifiable map key to data, ordered by key; empty when none */
    @Operation(access = READ, route = CHAT)
    Map<String, String> getUserData(long userId, @ChatId long chatId);

    /** @return whether the key was set (and is now removed) */
    @Operation(access = WRITE, route = CHAT)
    boolean deleteUserData(long userId, @ChatId long chatId, String key);

    /** @return how many keys were removed */
    @Operation(access = WRITE, route = CHAT)
    int clearUserData(long userId, @ChatId long chatId);
}
