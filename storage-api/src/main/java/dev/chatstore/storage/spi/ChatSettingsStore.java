package dev.chatstore.storage.spi;

import java.util.Map;
import java.util.Optional;

import static dev.chatstore.storage.spi.Access.READ;
import static dev.chatstore.storage.spi.Access.WRITE;
import static dev.chatstore.storage.spi.FanOutMerge.MAP_BY_CHAT_ID;
import static dev.chatstore.storage.spi.Route.CHAT;
import static dev.chatstore.storage.spi.Route.FAN_OUT;

/** Per-chat settings (table {@code chat_settings}). Part of {@link ChatStore}; see there for the common contract. */
public interface ChatSettingsStore {
    /**
     * Stores {@code value} under {@code key} for the chat, replacing any value.
     *
     * @param key   non-null
     * @param value non-null
     */
    @Operation(access = WRITE, route = CHAT)
    void setChatSetting(@ChatId long chatId, String key, String value);

    /** @return the value, or empty when not set */
    @Operation(access = READ, route = CHAT)
    Optional<String> getChatSetting(@ChatId long chatId, String key);

    /** @return an unmodifiable map key to value, ordered by key; empty when none */
    @Operation(access = READ, route = CHAT)
    Map<String, String> getChatSettings(@ChatId long chatId);

    /** @return whether the key was set (and is now removed) */
    @Operation(access = WRITE, route = CHAT)
    boolean unsetChatSetting(@ChatId long chatId, String key);

    /** @return how many settings were removed */
    @Operation(access = WRITE, route = CHAT)
    int clearChatSettings(@ChatId long chatId);

    /**
     * Every chat that has {@code key} set, with its value. Without an explicit source, every source is asked.
     *
     * @param key non-null
     * @return an unmodifiable map chat id to value, iterated by chat id ascending
     */
    @Operation(access = READ, route = FAN_OUT, merge = MAP_BY_CHAT_ID)
    Map<Long, String> listChatsBySetting(String key);
}
