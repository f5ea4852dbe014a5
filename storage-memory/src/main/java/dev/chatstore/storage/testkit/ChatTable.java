package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatSummarization;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.SummarizationKey;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * {@code chat_info}, {@code chat_topics} and {@code chat_summarization_cache}. Not thread-safe:
 * {@link InMemoryChatStore} guards it.
 */
final class ChatTable {
    private final TreeMap<Long, ChatInfo> infos = new TreeMap<>();
    private final Map<Long, TreeMap<Long, ChatTopic>> topics = new HashMap<>();
    private final Map<String, ChatSummarization> summaries = new HashMap<>();

    void updateInfo(long chatId, ChatType type, String title, String username, boolean isForum, Instant now) {
        Instant createdAt = infos.containsKey(chatId) ? infos.get(chatId).createdAt() : now;
        infos.put(chatId, new ChatInfo(chatId, type, title, username, isForum, createdAt, now));
    }

    Optional<ChatInfo> info(long chatId) {
        return Optional.ofNullable(infos.get(chatId));
    }

    /** Chats with an info row whose id passes {@code chatFilter}, by chat id ascending. */
    List<ChatInfo> infos(LongPredicate chatFilter, Predicate<ChatInfo> rowFilter) {
        return infos.values().stream().filter(info -> chatFilter.test(info.chatId())).filter(rowFilter).toList();
    }

    void updateTopic(long chatId, long topicId, Integer iconColor, String customEmojiId, String name, Instant now) {
        topics.computeIfAbsent(chatId, id -> new TreeMap<>()).merge(topicId,
                new ChatTopic(chatId, topicId, iconColor, customEmojiId, name == null ? ChatTopic.DEFAULT_NAME : name,
                        now, now),
                (stored, fresh) -> new ChatTopic(chatId, topicId,
                        iconColor == null ? stored.iconColor() : iconColor,
                        customEmojiId == null ? stored.customEmojiId() : customEmojiId,
                        name == null ? stored.name() : name, stored.createdAt(), now));
    }

    List<ChatTopic> topics(long chatId) {
        return List.copyOf(topics.getOrDefault(chatId, new TreeMap<>()).values());
    }

    void putSummary(SummarizationKey key, String summary, Instant now) {
        summaries.merge(key.csid(), new ChatSummarization(key, summary, now, now),
                (stored, fresh) -> new ChatSummarization(key, summary, stored.createdAt(), now));
    }

    Optional<ChatSummarization> summary(SummarizationKey key) {
        return Optional.ofNullable(summaries.get(key.csid()));
    }

    /** SQLite's NOCASE collation: only A-Z fold to a-z; every other character must match exactly. */
    static boolean equalsIgnoreAsciiCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (asciiLower(a.charAt(i)) != asciiLower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
