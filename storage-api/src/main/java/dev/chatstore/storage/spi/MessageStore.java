package dev.chatstore.storage.spi;

import java.util.List;
import java.util.Optional;

import static dev.chatstore.storage.spi.Access.READ;
import static dev.chatstore.storage.spi.Access.WRITE;
import static dev.chatstore.storage.spi.Route.CHAT;

/** Chat messages (table {@code chat_messages}). Part of {@link ChatStore}; see there for the common contract. */
public interface MessageStore {
    /**
     * Stores one message in one transaction: inserts the row, adds one to the sender's
     * {@code chat_users.messages_count} (when that row exists), and adds one to {@code chat_stats} and
     * {@code chat_user_stats} for the message's UTC day. The author fields of {@code message} are ignored.
     *
     * @param message non-null
     * @throws DuplicateMessageException if (chat id, message id) is stored already; nothing is changed
     */
    @Operation(access = WRITE, route = CHAT)
    void addChatMessage(@ChatId ChatMessage message);

    /**
     * Stores many messages, as {@link #addChatMessage} would one by one, but skipping duplicates instead of failing
     * and in as few transactions as the backend can (one per source for SQLite). Through the routing layer the list
     * is split by each message's source. A duplicate within {@code messages} is stored once.
     *
     * @param messages non-null, may be empty, no null element
     * @return how many messages were stored (the rest were duplicates)
     */
    @Operation(access = WRITE, route = CHAT)
    int addChatMessages(@ChatId List<ChatMessage> messages);

    /**
     * Messages of a chat matching {@code query}, newest first (by date, then by insertion order descending).
     *
     * @param query non-null; {@link MessageQuery#all()} for every message
     * @return an unmodifiable list, empty when none match; author fields filled from {@code chat_users}
     */
    @Operation(access = READ, route = CHAT)
    List<ChatMessage> getChatMessages(@ChatId long chatId, MessageQuery query);

    /**
     * One message.
     *
     * @param messageId non-null
     * @return the message, or empty when not stored
     */
    @Operation(access = READ, route = CHAT)
    Optional<ChatMessage> getChatMessage(@ChatId long chatId, String messageId);

    /**
     * The messages of one reply chain: those whose {@code root_message_id} is {@code rootMessageId}, oldest first.
     *
     * @param rootMessageId non-null
     * @param threadId      only this thread, or null for any
     * @return an unmodifiable list, empty when none
     */
    @Operation(access = READ, route = CHAT)
    List<ChatMessage> getChatMessagesByRootId(@ChatId long chatId, String rootMessageId, @Nullable Long threadId);

    /**
     * The newest messages of one user in a chat, newest first.
     *
     * @param limit positive; the original's default is 100
     * @return an unmodifiable list, empty when none
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    @Operation(access = READ, route = CHAT)
    List<ChatMessage> getChatMessagesByUser(@ChatId long chatId, long userId, int limit);

    /**
     * Changes the category of a stored message.
     *
     * @param messageId non-null
     * @param category  non-null
     * @return whether the message exists (and was changed)
     */
    @Operation(access = WRITE, route = CHAT)
    boolean updateChatMessageCategory(@ChatId long chatId, String messageId, MessageCategory category);
}
