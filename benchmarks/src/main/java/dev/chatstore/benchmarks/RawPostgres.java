package dev.chatstore.benchmarks;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.StoredValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline: plain pgjdbc on one connection with prepared statements kept open, writing the same rows as the
 * store (the message, the member's counter, the chat's and the member's day) with the same SQL, and reading with
 * the same query into the same {@link ChatMessage}s. What the store adds on top is its own cost. {@link #add} is the
 * store's one-statement form ({@code PostgresMessages.ADD_ONE}, one round trip); {@link #addFourStatements} is the
 * plain four statements in one transaction (five round trips), kept as a reference for what that form costs. Not
 * thread-safe: one per thread.
 */
final class RawPostgres implements AutoCloseable {
    private static final String INSERT = "INSERT INTO chat_messages (chat_id, message_id, date, user_id, reply_id, "
            + "thread_id, root_message_id, message_text, message_type, message_category, quote_text, media_id, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, message_id) DO NOTHING";
    private static final String BUMP_USER = "UPDATE chat_users SET messages_count = messages_count + ? "
            + "WHERE chat_id = ? AND user_id = ?";
    private static final String BUMP_CHAT_DAY = "INSERT INTO chat_stats AS s (chat_id, date, messages_count, "
            + "created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, date) DO UPDATE SET "
            + "messages_count = s.messages_count + excluded.messages_count, updated_at = excluded.updated_at";
    private static final String BUMP_USER_DAY = "INSERT INTO chat_user_stats AS s (chat_id, user_id, date, "
            + "messages_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, user_id, date) "
            + "DO UPDATE SET messages_count = s.messages_count + excluded.messages_count, "
            + "updated_at = excluded.updated_at";
    private static final String LATEST = "SELECT m.chat_id, m.message_id, m.date, m.user_id, m.reply_id, "
            + "m.thread_id, m.root_message_id, m.message_text, m.message_type, m.message_category, m.quote_text, "
            + "m.media_id, u.username, u.full_name FROM chat_messages m LEFT JOIN chat_users u "
            + "ON u.chat_id = m.chat_id AND u.user_id = m.user_id WHERE m.chat_id = ? "
            + "ORDER BY m.date DESC, m.seq DESC LIMIT ?";

    private static final String ADD_ONE = "WITH m AS (" + INSERT + " RETURNING 1), "
            + "ud AS (INSERT INTO chat_user_stats AS s (chat_id, user_id, date, messages_count, created_at, updated_at) "
            + "SELECT ?::bigint, ?::bigint, ?::timestamptz, 1, ?::timestamptz, ?::timestamptz FROM m "
            + "ON CONFLICT (chat_id, user_id, date) DO UPDATE SET messages_count = s.messages_count + 1, "
            + "updated_at = excluded.updated_at), "
            + "d AS (INSERT INTO chat_stats AS s (chat_id, date, messages_count, created_at, updated_at) "
            + "SELECT ?::bigint, ?::timestamptz, 1, ?::timestamptz, ?::timestamptz FROM m "
            + "ON CONFLICT (chat_id, date) DO UPDATE SET messages_count = s.messages_count + 1, "
            + "updated_at = excluded.updated_at), "
            + "u AS (UPDATE chat_users SET messages_count = messages_count + 1 WHERE chat_id = ? AND user_id = ? "
            + "AND EXISTS (SELECT 1 FROM m)) "
            + "SELECT count(*) FROM m";

    private final Connection connection;
    private final PreparedStatement addOne;
    private final PreparedStatement insert;
    private final PreparedStatement bumpUser;
    private final PreparedStatement bumpChatDay;
    private final PreparedStatement bumpUserDay;
    private final PreparedStatement latest;

    RawPostgres(Connection connection) throws SQLException {
        this.connection = connection;
        this.addOne = connection.prepareStatement(ADD_ONE);
        this.insert = connection.prepareStatement(INSERT);
        this.bumpUser = connection.prepareStatement(BUMP_USER);
        this.bumpChatDay = connection.prepareStatement(BUMP_CHAT_DAY);
        this.bumpUserDay = connection.prepareStatement(BUMP_USER_DAY);
        this.latest = connection.prepareStatement(LATEST);
    }

    /** One message and its three counters: one statement in auto-commit mode, as the store does it. */
    int add(ChatMessage message) throws SQLException {
        connection.setAutoCommit(true);
        OffsetDateTime now = now();
        OffsetDateTime day = day(message.date());
        bindMessage(addOne, message, now);
        addOne.setLong(14, message.chatId());
        addOne.setLong(15, message.userId());
        addOne.setObject(16, day);
        addOne.setObject(17, now);
        addOne.setObject(18, now);
        addOne.setLong(19, message.chatId());
        addOne.setObject(20, day);
        addOne.setObject(21, now);
        addOne.setObject(22, now);
        addOne.setLong(23, message.chatId());
        addOne.setLong(24, message.userId());
        try (ResultSet row = addOne.executeQuery()) {
            row.next();
            if (row.getLong(1) == 0) {
                throw new SQLException("duplicate message " + message.messageId());
            }
            return 1;
        }
    }

    /** One message and its three counters as four statements in one transaction (the plain form; reference). */
    void addFourStatements(ChatMessage message) throws SQLException {
        connection.setAutoCommit(false);
        OffsetDateTime now = now();
        OffsetDateTime day = day(message.date());
        bindMessage(insert, message, now);
        insert.executeUpdate();
        bumpUser.setLong(1, 1);
        bumpUser.setLong(2, message.chatId());
        bumpUser.setLong(3, message.userId());
        bumpUser.executeUpdate();
        bindChatDay(message.chatId(), day, 1, now);
        bumpChatDay.executeUpdate();
        bindUserDay(message.chatId(), message.userId(), day, 1, now);
        bumpUserDay.executeUpdate();
        connection.commit();
    }

    /** A list of messages: one batch of inserts, the counters bumped once per member and day, one transaction. */
    void addAll(List<ChatMessage> messages) throws SQLException {
        connection.setAutoCommit(false);
        OffsetDateTime now = now();
        for (ChatMessage message : messages) {
            bindMessage(insert, message, now);
            insert.addBatch();
        }
        int[] inserted = insert.executeBatch();
        Map<String, long[]> members = new TreeMap<>();
        Map<String, Object[]> chatDays = new TreeMap<>();
        Map<String, Object[]> memberDays = new TreeMap<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] > 0) {
                ChatMessage m = messages.get(i);
                OffsetDateTime day = day(m.date());
                members.computeIfAbsent(m.chatId() + "/" + m.userId(), k -> new long[] {m.chatId(), m.userId(), 0})[2]++;
                ((int[]) chatDays.computeIfAbsent(m.chatId() + "/" + day, k -> new Object[] {m.chatId(), day,
                        new int[1]})[2])[0]++;
                ((int[]) memberDays.computeIfAbsent(m.chatId() + "/" + m.userId() + "/" + day, k -> new Object[] {
                        m.chatId(), m.userId(), day, new int[1]})[3])[0]++;
            }
        }
        for (long[] member : members.values()) {
            bumpUser.setLong(1, member[2]);
            bumpUser.setLong(2, member[0]);
            bumpUser.setLong(3, member[1]);
            bumpUser.addBatch();
        }
        bumpUser.executeBatch();
        for (Object[] chatDay : chatDays.values()) {
            bindChatDay((Long) chatDay[0], (OffsetDateTime) chatDay[1], ((int[]) chatDay[2])[0], now);
            bumpChatDay.addBatch();
        }
        bumpChatDay.executeBatch();
        for (Object[] memberDay : memberDays.values()) {
            bindUserDay((Long) memberDay[0], (Long) memberDay[1], (OffsetDateTime) memberDay[2],
                    ((int[]) memberDay[3])[0], now);
            bumpUserDay.addBatch();
        }
        bumpUserDay.executeBatch();
        connection.commit();
    }

    /** The latest {@code limit} messages of a chat with their authors' names, every column read, as the store does. */
    List<ChatMessage> latest(long chatId, int limit) throws SQLException {
        latest.setLong(1, chatId);
        latest.setInt(2, limit);
        List<ChatMessage> messages = new ArrayList<>(limit);
        try (ResultSet row = latest.executeQuery()) {
            while (row.next()) {
                OffsetDateTime date = row.getObject(3, OffsetDateTime.class);
                messages.add(new ChatMessage(row.getLong(1), row.getString(2), date.toInstant(), row.getLong(4),
                        row.getString(5), row.getLong(6), row.getString(7), row.getString(8),
                        StoredValue.parse(MessageType.class, row.getString(9)),
                        StoredValue.parse(MessageCategory.class, row.getString(10)), row.getString(11),
                        row.getString(12), row.getString(13), row.getString(14)));
            }
        }
        return messages;
    }

    private static void bindMessage(PreparedStatement insert, ChatMessage m, OffsetDateTime now) throws SQLException {
        insert.setLong(1, m.chatId());
        insert.setString(2, m.messageId());
        insert.setObject(3, OffsetDateTime.ofInstant(m.date(), ZoneOffset.UTC));
        insert.setLong(4, m.userId());
        setNullable(insert, 5, m.replyId());
        insert.setLong(6, m.threadId());
        setNullable(insert, 7, m.rootMessageId());
        insert.setString(8, m.text());
        insert.setString(9, m.type().value());
        insert.setString(10, m.category().value());
        setNullable(insert, 11, m.quoteText());
        setNullable(insert, 12, m.mediaId());
        insert.setObject(13, now);
    }

    private static void setNullable(PreparedStatement insert, int index, String value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }

    private void bindChatDay(long chatId, OffsetDateTime day, int count, OffsetDateTime now) throws SQLException {
        bumpChatDay.setLong(1, chatId);
        bumpChatDay.setObject(2, day);
        bumpChatDay.setInt(3, count);
        bumpChatDay.setObject(4, now);
        bumpChatDay.setObject(5, now);
    }

    private void bindUserDay(long chatId, long userId, OffsetDateTime day, int count, OffsetDateTime now)
            throws SQLException {
        bumpUserDay.setLong(1, chatId);
        bumpUserDay.setLong(2, userId);
        bumpUserDay.setObject(3, day);
        bumpUserDay.setInt(4, count);
        bumpUserDay.setObject(5, now);
        bumpUserDay.setObject(6, now);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    private static OffsetDateTime day(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.DAYS), ZoneOffset.UTC);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
