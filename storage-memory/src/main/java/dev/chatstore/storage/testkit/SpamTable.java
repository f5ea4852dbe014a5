package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.SpamMessage;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One of {@code spam_messages} or {@code ham_messages}. Not thread-safe: {@link InMemoryChatStore} guards it.
 * Replacing a sample keeps its {@code created_at} and its place in the order, as an upsert does in SQLite.
 */
final class SpamTable {
    private record Key(long chatId, long userId, String messageId) {
    }

    /** {@code sequence} plays the part of SQLite's rowid, breaking ties between equal (whole second) times. */
    private record Row(SpamMessage sample, Instant createdAt, long sequence) {
    }

    private static final Comparator<Row> OLDEST_FIRST =
            Comparator.comparing(Row::createdAt).thenComparingLong(Row::sequence);

    private final Map<Key, Row> rows = new HashMap<>();
    private long nextSequence;

    void put(SpamMessage sample, Instant now) {
        rows.merge(new Key(sample.chatId(), sample.userId(), sample.messageId()),
                new Row(sample, now, nextSequence++),
                (stored, fresh) -> new Row(sample, stored.createdAt(), stored.sequence()));
    }

    List<SpamMessage> byUser(long chatId, long userId) {
        return select(row -> row.sample().chatId() == chatId && row.sample().userId() == userId, OLDEST_FIRST,
                Integer.MAX_VALUE);
    }

    int deleteByUser(long chatId, long userId) {
        int before = rows.size();
        rows.keySet().removeIf(key -> key.chatId() == chatId && key.userId() == userId);
        return before - rows.size();
    }

    List<SpamMessage> newest(int limit) {
        return select(row -> true, OLDEST_FIRST.reversed(), limit);
    }

    List<SpamMessage> byText(String text) {
        return select(row -> row.sample().text().equals(text), OLDEST_FIRST, Integer.MAX_VALUE);
    }

    /** ChatTransfer rows; {@code updated_at} is not kept here: {@code created_at} stands in for it. */
    List<Object[]> exportRows(long chatId) {
        return rows.values().stream().filter(row -> row.sample().chatId() == chatId).sorted(OLDEST_FIRST).map(row -> {
            SpamMessage s = row.sample();
            return new Object[]{s.chatId(), s.userId(), s.messageId(), s.text(), s.reason().value(), s.score(),
                    row.createdAt(), row.createdAt()};
        }).toList();
    }

    void importRow(SpamMessage sample, Instant createdAt) {
        Key key = new Key(sample.chatId(), sample.userId(), sample.messageId());
        Row old = rows.get(key);
        rows.put(key, new Row(sample, createdAt, old != null ? old.sequence() : nextSequence++));
    }

    long deleteChat(long chatId) {
        int before = rows.size();
        rows.keySet().removeIf(key -> key.chatId() == chatId);
        return before - rows.size();
    }

    java.util.Set<Long> chatIds() {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        rows.keySet().forEach(key -> ids.add(key.chatId()));
        return ids;
    }

    private List<SpamMessage> select(Predicate<Row> filter, Comparator<Row> order, int limit) {
        return rows.values().stream().filter(filter).sorted(order).limit(limit).map(Row::sample).toList();
    }
}
