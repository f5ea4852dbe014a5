package dev.chatstore.storage.jdbc;

import dev.chatstore.storage.spi.ChatRowSink;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.TransferColumn;
import dev.chatstore.storage.spi.TransferTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@link ChatTransfer} for every SQL backend on storage-jdbc, written once: the tables, columns and keys come from
 * {@link TransferTable#ALL} (spec/schema.md names, shared by SQLite and PostgreSQL), values are read and bound
 * through the {@link JdbcDialect} ({@link JdbcDialect#readInstant} for timestamps). Add it to a store with
 * {@link StoreParts#transfer}.
 *
 * <ul>
 *   <li>Export runs in one read transaction (a snapshot) with a forward-only cursor and a fetch size, so rows
 *       stream: memory stays at one batch whatever the chat's size.</li>
 *   <li>Import is one transaction per batch of {@code INSERT ... ON CONFLICT (key) DO UPDATE}, run as a JDBC
 *       batch; SQLite (3.24+) and PostgreSQL share the syntax.</li>
 * </ul>
 * Thread-safe.
 */
public final class JdbcChatTransfer implements ChatTransfer {
    private final JdbcSource source;
    private final Map<String, String> upserts = new ConcurrentHashMap<>();

    public JdbcChatTransfer(JdbcSource source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public void exportChat(long chatId, int batchSize, ChatRowSink sink) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        requireNonNull(sink, "sink is null");
        source.read(s -> {
            Connection connection = s.connection();
            connection.setAutoCommit(false);
            try {
                for (TransferTable table : TransferTable.ALL) {
                    exportTable(connection, table, chatId, batchSize, sink);
                }
                connection.commit();
            } finally {
                try {
                    connection.rollback();
                } finally {
                    connection.setAutoCommit(true);
                }
            }
            return null;
        });
    }

    private void exportTable(Connection connection, TransferTable table, long chatId, int batchSize,
                             ChatRowSink sink) throws SQLException {
        String columns = String.join(", ", table.columnNames());
        String sql = table.chatScoped()
                ? "SELECT " + columns + " FROM " + table.name() + " WHERE chat_id = ?"
                : "SELECT " + columns + " FROM " + table.name() + " WHERE file_unique_id IN "
                + "(SELECT media_id FROM chat_messages WHERE chat_id = ? AND media_id IS NOT NULL)";
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(Math.min(batchSize, 10_000));
            statement.setLong(1, chatId);
            try (ResultSet rows = statement.executeQuery()) {
                List<Object[]> batch = new ArrayList<>(Math.min(batchSize, 10_000));
                List<TransferColumn> kinds = table.columns();
                while (rows.next()) {
                    Object[] row = new Object[kinds.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = read(rows, i + 1, kinds.get(i).kind());
                    }
                    batch.add(row);
                    if (batch.size() == batchSize) {
                        sink.accept(table, batch);
                        batch = new ArrayList<>(Math.min(batchSize, 10_000));
                    }
                }
                if (!batch.isEmpty()) {
                    sink.accept(table, batch);
                }
            }
        }
    }

    private Object read(ResultSet rows, int column, TransferColumn.Kind kind) throws SQLException {
        return switch (kind) {
            case INTEGER -> JdbcSession.nullableLong(rows, column);
            case TEXT -> rows.getString(column);
            case REAL -> {
                double value = rows.getDouble(column);
                yield rows.wasNull() ? null : value;
            }
            case BOOLEAN -> {
                boolean value = rows.getBoolean(column);
                yield rows.wasNull() ? null : value;
            }
            case TIMESTAMP -> source.dialect().readInstant(rows, column);
        };
    }

    @Override
    public int importRows(TransferTable table, List<Object[]> rows) {
        requireNonNull(table, "table is null");
        requireNonNull(rows, "rows is null");
        requireWritable();
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = upserts.computeIfAbsent(table.name(), n -> upsert(table));
        return source.transaction(s -> {
            PreparedStatement statement = s.prepare(sql);
            for (Object[] row : rows) {
                if (row.length != table.columns().size()) {
                    throw new IllegalArgumentException("a row of " + table.name() + " has " + row.length
                            + " values; the table has " + table.columns().size() + " columns");
                }
                s.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
            return rows.size();
        });
    }

    private static String upsert(TransferTable table) {
        List<String> names = table.columnNames();
        String values = names.stream().map(n -> "?").collect(Collectors.joining(", "));
        List<String> rest = names.stream().filter(n -> !table.key().contains(n)).toList();
        String onConflict = rest.isEmpty() ? "DO NOTHING" : "DO UPDATE SET "
                + rest.stream().map(n -> n + " = excluded." + n).collect(Collectors.joining(", "));
        return "INSERT INTO " + table.name() + " (" + String.join(", ", names) + ") VALUES (" + values + ") "
                + "ON CONFLICT (" + String.join(", ", table.key()) + ") " + onConflict;
    }

    @Override
    public long deleteChat(long chatId) {
        requireWritable();
        return source.transaction(s -> {
            long deleted = 0;
            for (TransferTable table : TransferTable.ALL) {
                if (table.chatScoped()) {
                    deleted += s.update("DELETE FROM " + table.name() + " WHERE chat_id = ?", chatId);
                }
            }
            return deleted;
        });
    }

    @Override
    public List<Long> chatIds() {
        String union = TransferTable.ALL.stream().filter(TransferTable::chatScoped)
                .map(t -> "SELECT chat_id FROM " + t.name()).collect(Collectors.joining(" UNION "));
        return source.read(s -> s.queryList("SELECT chat_id FROM (" + union + ") ids ORDER BY chat_id",
                row -> row.getLong(1)));
    }

    private void requireWritable() {
        if (source.config().readonly()) {
            throw new ReadOnlySourceException(source.name(), source.operation());
        }
    }
}
