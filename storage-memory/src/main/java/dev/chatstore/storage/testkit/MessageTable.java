package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code chat_messages} with the per-day counters {@code chat_stats} and {@code chat_user_stats}. Not thread-safe:
 * {@link InMemoryChatStore} guards it. Rows are stored without author fields; the store fills them on read.
 */
final class MessageTable {
    /** {@code sequence} plays the part of SQLite's rowid: the insertion order that breaks ties between equal dates. */
    private record Row(ChatMessage message, long sequence, Instant createdAt) {
    }

    private record ChatDay(long chatId, LocalDate day) {
    }

    private record UserDay(long chatId, long userId, LocalDate day) {
    }

    private static final Comparator<Row> OLDEST_FIRST =
            Comparator.comparing((Row row) -> row.message().date()).thenComparingLong(Row::sequence);
    private static final Comparator<Row> NEWEST_FIRST = OLDEST_FIRST.reversed();

    private final Map<Long, Map<String, Row>> chats = new HashMap<>();
    private final Map<ChatDay, Long> chatStats = new HashMap<>();
    private final Map<UserDay, Long> userStats = new HashMap<>();
    private long nextSequence;

    boolean contains(long chatId, String messageId) {
        return chats.getOrDefault(chatId, Map.of()).containsKey(messageId);
    }

    /** Inserts the row and bumps the day counters; the caller has checked {@link #contains} already. */
    void insert(ChatMessage message, Instant now) {
        chats.computeIfAbsent(message.chatId(), id -> new LinkedHashMap<>())
                .put(message.messageId(), new Row(message.withoutAuthor(), nextSequence++, now));
        LocalDate day = LocalDate.ofInstant(message.date(), ZoneOffset.UTC);
        chatStats.merge(new ChatDay(message.chatId(), day), 1L, Long::sum);
        userStats.merge(new UserDay(message.chatId(), message.userId(), day), 1L, Long::sum);
    }

    Optional<ChatMessage> find(long chatId, String messageId) {
        return Optional.ofNullable(chats.getOrDefault(chatId, Map.of()).get(messageId)).map(Row::message);
    }

    List<ChatMessage> query(long chatId, MessageQuery query) {
        Predicate<ChatMessage> matches = message -> (query.since() == null || message.date().isAfter(query.since()))
                && (query.till() == null || message.date().isBefore(query.till()))
                && (query.threadId() == null || message.threadId() == query.threadId())
                && (query.categories().isEmpty() || query.categories().contains(message.category()));
        Stream<ChatMessage> newestFirst = rows(chatId).filter(row -> matches.test(row.message()))
                .sorted(NEWEST_FIRST).map(Row::message);
        return (query.limit() == null ? newestFirst : newestFirst.limit(query.limit())).toList();
    }

    List<ChatMessage> byRoot(long chatId, String rootMessageId, Long threadId) {
        return rows(chatId)
                .filter(row -> rootMessageId.equals(row.message().rootMessageId()))
                .filter(row -> threadId == null || row.message().threadId() == threadId)
                .sorted(OLDEST_FIRST).map(Row::message).toList();
    }

    List<ChatMessage> byUser(long chatId, long userId, int limit) {
        return rows(chatId).filter(row -> row.message().userId() == userId)
                .sorted(NEWEST_FIRST).limit(limit).map(Row::message).toList();
    }

    boolean updateCategory(long chatId, String messageId, MessageCategory category) {
        Map<String, Row> chat = chats.get(chatId);
        Row row = chat == null ? null : chat.get(messageId);
        if (row == null) {
            return false;
        }
        chat.put(messageId, new Row(row.message().toBuilder().category(category).build(), row.sequence(),
                row.createdAt()));
        return true;
    }

    long chatMessagesOn(long chatId, LocalDate day) {
        return chatStats.getOrDefault(new ChatDay(chatId, day), 0L);
    }

    long userMessagesOn(long chatId, long userId, LocalDate day) {
        return userStats.getOrDefault(new UserDay(chatId, userId, day), 0L);
    }

    // ChatTransfer: rows in the TransferTable column order; the daily counters keep no timestamps (null).

    List<Object[]> messageRows(long chatId) {
        return rows(chatId).sorted(Comparator.comparingLong(Row::sequence)).map(row -> {
            ChatMessage m = row.message();
            return new Object[]{m.chatId(), m.messageId(), m.date(), m.userId(), m.replyId(), m.threadId(),
                    m.rootMessageId(), m.text(), m.type().value(), m.category().value(), m.quoteText(), m.mediaId(),
                    row.createdAt()};
        }).toList();
    }

    List<Object[]> chatStatRows(long chatId) {
        return chatStats.entrySet().stream().filter(e -> e.getKey().chatId() == chatId)
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(ChatDay::day)))
                .map(e -> new Object[]{chatId, e.getKey().day().atStartOfDay().toInstant(ZoneOffset.UTC), e.getValue(),
                        null, null}).toList();
    }

    List<Object[]> userStatRows(long chatId) {
        return userStats.entrySet().stream().filter(e -> e.getKey().chatId() == chatId)
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(UserDay::day).thenComparingLong(UserDay::userId)))
                .map(e -> new Object[]{chatId, e.getKey().userId(),
                        e.getKey().day().atStartOfDay().toInstant(ZoneOffset.UTC), e.getValue(), null, null}).toList();
    }

    /** Stores or replaces the row; counters untouched. */
    void importMessage(ChatMessage message, Instant createdAt) {
        Map<String, Row> chat = chats.computeIfAbsent(message.chatId(), id -> new LinkedHashMap<>());
        Row old = chat.get(message.messageId());
        chat.put(message.messageId(), new Row(message.withoutAuthor(), old != null ? old.sequence() : nextSequence++,
                createdAt));
    }

    void importChatStat(long chatId, LocalDate day, long count) {
        chatStats.put(new ChatDay(chatId, day), count);
    }

    void importUserStat(long chatId, long userId, LocalDate day, long count) {
        userStats.put(new UserDay(chatId, userId, day), count);
    }

    long deleteChat(long chatId) {
        Map<String, Row> removed = chats.remove(chatId);
        long deleted = removed == null ? 0 : removed.size();
        int before = chatStats.size() + userStats.size();
        chatStats.keySet().removeIf(key -> key.chatId() == chatId);
        userStats.keySet().removeIf(key -> key.chatId() == chatId);
        return deleted + before - chatStats.size() - userStats.size();
    }

    Set<Long> chatIds() {
        Set<Long> ids = new HashSet<>(chats.keySet());
        chatStats.keySet().forEach(key -> ids.add(key.chatId()));
        return ids;
    }

    private Stream<Row> rows(long chatId) {
        return chats.getOrDefault(chatId, Map.of()).values().stream();
    }
}
