package dev.chatstore.storage.spi;

import java.util.List;
import java.util.Optional;

import static dev.chatstore.storage.spi.Access.READ;
import static dev.chatstore.storage.spi.Access.WRITE;
import static dev.chatstore.storage.spi.Route.CHAT;

/**
 * Chat info, forum topics and cached summaries (tables {@code chat_info}, {@code chat_topics},
 * {@code chat_summarization_cache}). Part of {@link ChatStore}; see there for the common contract.
 */
public interface ChatInfoStore {
    /**
     * Inserts or replaces what is known of a chat and refreshes {@code updated_at}; {@code created_at} is kept.
     *
     * @param type     non-null
     * @param title    null for none
     * @param username null for none
     */
    @Operation(access = WRITE, route = CHAT)
    void updateChatInfo(@ChatId long chatId, ChatType type, @Nullable String title, @Nullable String username,
            boolean isForum);

    /** @return the chat's info, or empty when never recorded */
    @Operation(access = READ, route = CHAT)
    Optional<ChatInfo> getChatInfo(@ChatId long chatId);

    /**
     * Inserts or updates a forum topic. On update a null argument keeps the stored value; on insert a null
     * {@code name} is stored as {@link ChatTopic#DEFAULT_NAME}.
     */
    @Operation(access = WRITE, route = CHAT)
    void updateChatTopicInfo(@ChatId long chatId, long topicId, @Nullable Integer iconColor,
            @Nullable String customEmojiId, @Nullable String name);

    /** @return an unmodifiable list ordered by topic id; empty when none */
    @Operation(access = READ, route = CHAT)
    List<ChatTopic> getChatTopics(@ChatId long chatId);

    /**
     * Stores a summary under {@link SummarizationKey#csid()}, replacing the summary stored under the same key
     * (its {@code created_at} is kept).
     *
     * @param key     non-null
     * @param summary non-null
     */
    @Operation(access = WRITE, route = CHAT)
    void addChatSummarization(@ChatId SummarizationKey key, String summary);

    /** @return the cached summary for exactly this key, or empty */
    @Operation(access = READ, route = CHAT)
    Optional<ChatSummarization> getChatSummarization(@ChatId SummarizationKey key);
}
