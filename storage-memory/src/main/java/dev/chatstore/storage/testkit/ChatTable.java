package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatSummarization;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.SummarizationKey;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    List<Object[]> infoRows(long chatId) {
        ChatInfo i = infos.get(chatId);
        return i == null ? List.of() : List.<Object[]>of(new Object[]{i.chatId(), i.title(), i.username(),
                i.type().value(), i.isForum(), i.createdAt(), i.updatedAt()});
    }

    List<Object[]> topicRows(long chatId) {
        return topics(chatId).stream().map(t -> new Object[]{t.chatId(), t.topicId(),
                t.iconColor() == null ? null : (Object) t.iconColor().longValue(), t.customEmojiId(), t.name(),
                t.createdAt(), t.updatedAt()}).toList();
    }

    List<Object[]> summaryRows(long chatId) {
        return summaries.entrySet().stream().filter(e -> e.getValue().chatId() == chatId)
                .sorted(Map.Entry.comparingByKey()).map(e -> {
                    ChatSummarization s = e.getValue();
                    SummarizationKey k = s.key();
                    return new Object[]{e.getKey(), k.chatId(), k.topicId(), k.firstMessageId(), k.lastMessageId(),
                            k.prompt(), s.summary(), s.createdAt(), s.updatedAt()};
                }).toList();
    }

    void importInfo(ChatInfo info) {
        infos.put(info.chatId(), info);
    }

    void importTopic(ChatTopic topic) {
        topics.computeIfAbsent(topic.chatId(), id -> new TreeMap<>()).put(topic.topicId(), topic);
    }

    void importSummary(ChatSummarization summary) {
        summaries.put(summary.key().csid(), summary);
    }

    long deleteChat(long chatId) {
        long deleted = infos.remove(chatId) != null ? 1 : 0;
        TreeMap<Long, ChatTopic> removed = topics.remove(chatId);
        deleted += removed == null ? 0 : removed.size();
        int before = summaries.size();
        summaries.values().removeIf(s -> s.chatId() == chatId);
        return deleted + before - summaries.size();
    }

    Set<Long> chatIds() {
        Set<Long> ids = new HashSet<>(infos.keySet());
        topics.forEach((chat, rows) -> {
            if (!rows.isEmpty()) {
                ids.add(chat);
            }
        });
        summaries.values().forEach(s -> ids.add(s.chatId()));
        return ids;
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
