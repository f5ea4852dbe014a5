package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;
import dev.chatstore.storage.spi.SpamStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@link SpamStore}: {@code spam_messages} and {@code ham_messages}, samples for the spam filter. Thread-safe. */
final class PostgresSpam implements SpamStore {
    private static final String SELECT = "SELECT chat_id, user_id, message_id, text, reason, score FROM spam_messages ";

    private final JdbcSource source;
    private final PostgresReads reads;

    PostgresSpam(PostgresReads reads) {
        this.source = reads.source();
        this.reads = reads;
    }

    @Override
    public void addSpamMessage(SpamMessage spam) {
        put("addSpamMessage", "spam_messages", spam);
    }

    @Override
    public void addHamMessage(SpamMessage ham) {
        put("addHamMessage", "ham_messages", ham);
    }

    /** An upsert: a replaced sample keeps its created_at and its seq, so its place. */
    private void put(String operation, String table, SpamMessage sample) {
        Instant now = PostgresTime.now();
        source.write(s -> s.update("INSERT INTO " + table + " (chat_id, user_id, message_id, text, reason, "
                + "score, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, user_id, "
                + "message_id) DO UPDATE SET text = excluded.text, reason = excluded.reason, score = excluded.score, "
                + "updated_at = excluded.updated_at", sample.chatId(), sample.userId(), sample.messageId(),
                sample.text(), sample.reason(), sample.score(), now, now));
    }

    @Override
    public List<SpamMessage> getSpamMessagesByUserId(long chatId, long userId) {
        return reads.read(List.of(), s -> s.queryList(SELECT + "WHERE chat_id = ? AND user_id = ? "
                + "ORDER BY created_at, seq", PostgresSpam::map, chatId, userId));
    }

    @Override
    public int deleteSpamMessagesByUserId(long chatId, long userId) {
        return source.write(s -> s.update("DELETE FROM spam_messages "
                + "WHERE chat_id = ? AND user_id = ?", chatId, userId));
    }

    @Override
    public List<SpamMessage> getSpamMessages(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return reads.read(List.of(), s -> s.queryList(SELECT + "ORDER BY created_at DESC, seq DESC "
                + "LIMIT ?", PostgresSpam::map, limit));
    }

    @Override
    public List<SpamMessage> getSpamMessagesByText(String text) {
        // md5(text) first, so the index on it serves the lookup; the text comparison makes the match exact.
        return reads.read(List.of(), s -> s.queryList(SELECT + "WHERE md5(text) = md5(?::text) "
                + "AND text = ? ORDER BY created_at, seq", PostgresSpam::map, text, text));
    }

    private static SpamMessage map(ResultSet row) throws SQLException {
        return new SpamMessage(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                PostgresRows.storedValue(SpamReason.class, row.getString(5)), row.getDouble(6));
    }
}
