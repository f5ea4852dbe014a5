package dev.chatstore.storage.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.chatstore.storage.spi.Access.READ;
import static dev.chatstore.storage.spi.Access.WRITE;
import static dev.chatstore.storage.spi.FanOutMerge.LIST_BY_CHAT_ID;
import static dev.chatstore.storage.spi.Route.CHAT;
import static dev.chatstore.storage.spi.Route.FAN_OUT;

/**
 * Chat members (table {@code chat_users}) and the chat lists built from them. Part of {@link ChatStore}; see there
 * for the common contract.
 */
public interface UserStore {
    /**
     * Records that {@code userId} is in the chat with this name: inserts the row or updates username and full name,
     * and refreshes {@code updated_at} (the "last seen" time) either way. Counts, spam flag and metadata are kept.
     *
     * @param username non-null, empty when the user has none
     * @param fullName non-null
     */
    @Operation(access = WRITE, route = CHAT)
    void updateChatUser(@ChatId long chatId, long userId, String username, String fullName);

    /** @return the member, or empty when the user was never recorded in this chat */
    @Operation(access = READ, route = CHAT)
    Optional<ChatUser> getChatUser(@ChatId long chatId, long userId);

    /**
     * A member by exact username (case-sensitive, without {@code @}).
     *
     * @param username non-null
     * @return the member, or empty
     */
    @Operation(access = READ, route = CHAT)
    Optional<ChatUser> getChatUserByUsername(@ChatId long chatId, String username);

    /**
     * Members of a chat, most recently seen ({@code updated_at}) first.
     *
     * @param limit     positive
     * @param seenSince only members seen at or after this time, or null for all
     * @return an unmodifiable list, empty when none
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    @Operation(access = READ, route = CHAT)
    List<ChatUser> getChatUsers(@ChatId long chatId, int limit, @Nullable Instant seenSince);

    /** @return whether the member exists (and was changed) */
    @Operation(access = WRITE, route = CHAT)
    boolean markUserIsSpammer(@ChatId long chatId, long userId, boolean isSpammer);

    /**
     * Replaces the member's metadata text.
     *
     * @param metadata non-null
     * @return whether the member exists (and was changed)
     */
    @Operation(access = WRITE, route = CHAT)
    boolean updateUserMetadata(@ChatId long chatId, long userId, String metadata);

    /**
     * Chats the user is a member of (has a {@code chat_users} row in) and that have a {@code chat_info} row.
     * Without an explicit source, every source is asked.
     *
     * @return an unmodifiable list ordered by chat id ascending, one row per chat
     */
    @Operation(access = READ, route = FAN_OUT, merge = LIST_BY_CHAT_ID)
    List<ChatInfo> getUserChats(long userId);

    /**
     * Every chat of type group or supergroup. Without an explicit source, every source is asked.
     *
     * @return an unmodifiable list ordered by chat id ascending, one row per chat
     */
    @Operation(access = READ, route = FAN_OUT, merge = LIST_BY_CHAT_ID)
    List<ChatInfo> getAllGroupChats();

    /**
     * Chats whose public username equals {@code username}, ignoring case (ASCII). Without an explicit source,
     * every source is asked.
     *
     * @param username non-null, without {@code @}
     * @return an unmodifiable list ordered by chat id ascending, one row per chat
     */
    @Operation(access = READ, route = FAN_OUT, merge = LIST_BY_CHAT_ID)
    List<ChatInfo> findChatsByUsername(String username);
}
