package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.JdbcSession;

import dev.chatstore.storage.spi.SpamStore;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;


/** {@code spam_messages} and {@code ham_messages}: samples for the spam filter. */
final class SqliteSpam implements SpamStore {
    private static final String SELECT = "SELECT chat_id, user_id, message_id, text, reason, score FROM spam_messages ";

    private final JdbcSource source;

    SqliteSpam(JdbcSource source) {
        this.source = source;
    }

    @Override
    public void addSpamMessage(SpamMessage spam) {
        put("spam_messages", spam);
    }

    @Override
    public void addHamMessage(SpamMessage ham) {
        put("ham_messages", ham);
    }

    /** An upsert, not INSERT OR REPLACE: a replaced sample keeps its created_at and its rowid, so its place. */
    private void put(String table, SpamMessage sample) {
        Instant now = SqliteTime.now();
        source.write(s -> s.update("INSERT INTO " + table + " (chat_id, user_id, message_id, text, reason, "
                + "score, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, user_id, "
                + "message_id) DO UPDATE SET text = excluded.text, reason = excluded.reason, score = excluded.score, "
                + "updated_at = excluded.updated_at", sample.chatId(), sample.userId(), sample.messageId(),
                sample.text(), sample.reason(), sample.score(), now, now));
    }

    @Override
    public List<SpamMessage> getSpamMessagesByUserId(long chatId, long userId) {
        return source.read(s -> s.queryList(SELECT + "WHERE chat_id = ? AND user_id = ? "
                + "ORDER BY created_at, rowid", SqliteSpam::map, chatId, userId));
    }

    @Override
    public int deleteSpamMessagesByUserId(long chatId, long userId) {
        return source.write(s -> s.update("DELETE FROM spam_messages WHERE chat_id = ? "
                + "AND user_id = ?", chatId, userId));
    }

    @Override
    public List<SpamMessage> getSpamMessages(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return source.read(s -> s.queryList(SELECT + "ORDER BY created_at DESC, rowid DESC "
                + "LIMIT ?", SqliteSpam::map, limit));
    }

    @Override
    public List<SpamMessage> getSpamMessagesByText(String text) {
        return source.read(s -> s.queryList(SELECT + "WHERE text = ? ORDER BY created_at, "
                + "rowid", SqliteSpam::map, text));
    }

    private static SpamMessage map(ResultSet row) throws SQLException {
        return new SpamMessage(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                SqliteRows.storedValue(SpamReason.class, row.getString(5)), row.getDouble(6));
    }
}
