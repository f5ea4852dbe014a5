package dev.chatstore.benchmarks;

import dev.chatstore.storage.spi.ChatMessage;
import org.openjdk.jmh.infra.Blackhole;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: plain sqlite-jdbc on one held connection, WAL and {@code synchronous = NORMAL} like the plugin's
 * pool, prepared statements held for the whole trial. No pool, no lock, no counters, no mapping to records.
 */
final class RawDatabase implements AutoCloseable {
    static final String COLUMNS = "chat_id, message_id, date, user_id, reply_id, thread_id, root_message_id, "
            + "message_text, message_type, message_category, quote_text, media_id";
    private static final String INSERT = "INSERT INTO chat_messages (" + COLUMNS + ", created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String POINT = "SELECT " + COLUMNS + " FROM chat_messages WHERE chat_id = ? AND message_id = ?";
    private static final String LATEST = "SELECT " + COLUMNS + " FROM chat_messages WHERE chat_id = ? "
            + "ORDER BY date DESC, rowid DESC LIMIT ?";
    /**
     * What the store's latest-N returns, the same 14 columns: the message's and its author's name and username
     * from {@code chat_users} by the store's own {@code LEFT JOIN} (issue 12 compares the store against raw JDBC
     * "returning the same columns").
     */
    private static final String LATEST_JOINED = "SELECT m.chat_id, m.message_id, m.date, m.user_id, m.reply_id, "
            + "m.thread_id, m.root_message_id, m.message_text, m.message_type, m.message_category, m.quote_text, "
            + "m.media_id, u.username, u.full_name FROM chat_messages m LEFT JOIN chat_users u "
            + "ON u.chat_id = m.chat_id AND u.user_id = m.user_id WHERE m.chat_id = ? "
            + "ORDER BY m.date DESC, m.rowid DESC LIMIT ?";
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement point;
    private final PreparedStatement latest;
    private final PreparedStatement latestJoined;

    private RawDatabase(Connection connection) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement(INSERT);
        this.point = connection.prepareStatement(POINT);
        this.latest = connection.prepareStatement(LATEST);
        this.latestJoined = connection.prepareStatement(LATEST_JOINED);
    }

    /** Opens {@code path} (an existing chat_messages table, e.g. a store's file, for reads). */
    static RawDatabase open(String path) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(30_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + path);
        try {
            return new RawDatabase(dataSource.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open " + path, e);
        }
    }

    /**
     * Creates {@code path} with a chat_messages table and indexes copied verbatim from {@code schemaFile}, a file
     * the plugin created: the baseline writes the very same b-trees the store does, and nothing else.
     */
    static RawDatabase createLike(String path, String schemaFile) {
        List<String> ddl = new ArrayList<>();
        try (RawDatabase schema = open(schemaFile);
             Statement statement = schema.connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sql FROM sqlite_master WHERE tbl_name = 'chat_messages' "
                     + "AND sql IS NOT NULL ORDER BY type = 'table' DESC, name")) {
            while (rows.next()) {
                ddl.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schema of " + schemaFile, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + path);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create " + path, e);
        }
        return open(path);
    }

    /** One row in autocommit mode: its own implicit transaction. */
    void insert(ChatMessage message) throws SQLException {
        bind(message, Instant.now());
        insert.executeUpdate();
    }

    /** Rows in one explicit transaction, sent as one JDBC batch. */
    void insertAll(List<ChatMessage> messages) throws SQLException {
        Instant now = Instant.now();
        connection.setAutoCommit(false);
        try {
            for (ChatMessage message : messages) {
                bind(message, now);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Reads every column of the message's row, if there is one; returns the rows read. */
    int point(long chatId, String messageId, Blackhole sink) throws SQLException {
        point.setLong(1, chatId);
        point.setString(2, messageId);
        return consume(point, sink);
    }

    int latest(long chatId, int limit, Blackhole sink) throws SQLException {
        latest.setLong(1, chatId);
        latest.setInt(2, limit);
        return consume(latest, sink);
    }

    /** The store's columns for the latest {@code limit} messages: the message's 12 and the author's 2. */
    int latestSameColumns(long chatId, int limit, Blackhole sink) throws SQLException {
        latestJoined.setLong(1, chatId);
        latestJoined.setInt(2, limit);
        int count = 0;
        try (ResultSet rows = latestJoined.executeQuery()) {
            while (rows.next()) {
                consumeMessage(rows, sink);
        sink.consume(rows.getString(13));
        sink.consume(rows.getString(14));
                count++;
            }
        }
        return count;
    }

    private static int consume(PreparedStatement query, Blackhole sink) throws SQLException {
        int count = 0;
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                consumeMessage(rows, sink);
                count++;
            }
        }
        return count;
    }

    private static void consumeMessage(ResultSet rows, Blackhole sink) throws SQLException {
        sink.consume(rows.getLong(1));
        sink.consume(rows.getString(2));
        sink.consume(rows.getString(3));
        sink.consume(rows.getLong(4));
        sink.consume(rows.getString(5));
        sink.consume(rows.getLong(6));
        sink.consume(rows.getString(7));
        sink.consume(rows.getString(8));
        sink.consume(rows.getString(9));
        sink.consume(rows.getString(10));
        sink.consume(rows.getString(11));
        sink.consume(rows.getString(12));
    }

    private void bind(ChatMessage m, Instant now) throws SQLException {
        insert.setLong(1, m.chatId());
        insert.setString(2, m.messageId());
        insert.setString(3, TEXT.format(m.date()));
        insert.setLong(4, m.userId());
        insert.setString(5, m.replyId());
        insert.setLong(6, m.threadId());
        insert.setString(7, m.rootMessageId());
        insert.setString(8, m.text());
        insert.setString(9, m.type().value());
        insert.setString(10, m.category().value());
        insert.setString(11, m.quoteText());
        insert.setString(12, m.mediaId());
        insert.setString(13, TEXT.format(now));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
