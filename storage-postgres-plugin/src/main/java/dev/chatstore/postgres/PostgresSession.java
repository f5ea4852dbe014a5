package dev.chatstore.postgres;

import dev.chatstore.storage.spi.StoredValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One borrowed connection for the length of one call (or one attempt of it). pgjdbc caches parsed and
 * server-prepared statements per connection itself, so statements are prepared per use. Used by one thread.
 */
final class PostgresSession {
    /** Maps the current row of a result set; must not advance it. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The arguments of one row of a batch. */
    @FunctionalInterface
    interface Binder<T> {
        Object[] args(T item);
    }

    private final Connection connection;

    PostgresSession(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the changed row count. */
    int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        }
    }

    /** Runs one statement once per item as a JDBC batch; the changed row count of each. */
    <T> int[] batch(String sql, Iterable<T> items, Binder<T> binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T item : items) {
                bind(statement, binder.args(item));
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
            }
        }
    }

    <T> List<T> queryList(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return Collections.unmodifiableList(result);
            }
        }
    }

    /**
     * Binds {@code args} in order in the schema's types: timestamps as whole-second {@code TIMESTAMPTZ}, booleans
     * as {@code BOOLEAN}, enumerations as their lower-case text.
     */
    static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            int index = i + 1;
            if (arg == null) {
                statement.setNull(index, Types.NULL);
            } else if (arg instanceof String text) {
                requireStorable(text, index);
                statement.setString(index, text);
            } else if (arg instanceof Long number) {
                statement.setLong(index, number);
            } else if (arg instanceof Integer number) {
                statement.setInt(index, number);
            } else if (arg instanceof Double number) {
                statement.setDouble(index, number);
            } else if (arg instanceof Boolean flag) {
                statement.setBoolean(index, flag);
            } else if (arg instanceof Instant instant) {
                statement.setObject(index, PostgresTime.bindable(instant));
            } else if (arg instanceof StoredValue value) {
                statement.setString(index, value.value());
            } else {
                throw new IllegalArgumentException("No PostgreSQL form for " + arg.getClass().getName());
            }
        }
    }

    /**
     * Refuses text PostgreSQL cannot hold, before anything is sent: NUL (U+0000), which {@code text} does not
     * allow, and unpaired UTF-16 surrogates, which UTF-8 cannot encode. As in the SQLite backend, text is stored
     * verbatim or refused, never altered.
     */
    private static void requireStorable(String text, int parameter) throws SQLException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new SQLException(String.format("text value %d contains NUL (U+0000 at index %d), which "
                        + "PostgreSQL text cannot hold; nothing was stored. Remove the NUL characters", parameter, i),
                        "22021");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new SQLException(String.format("text value %d contains an unpaired UTF-16 surrogate (U+%04X at "
                        + "index %d), which UTF-8 cannot store; nothing was stored. Pass well-formed Unicode text",
                        parameter, (int) c, i), "22021");
            }
        }
    }

    /** The constant stored as {@code text}. @throws IllegalArgumentException if no constant has that text */
    static <E extends Enum<E> & StoredValue> E storedValue(Class<E> type, String text) {
        Object constant = text == null ? null : STORED_VALUES.get(type).get(text);
        return constant != null ? type.cast(constant) : StoredValue.parse(type, text);
    }

    private static final ClassValue<Map<String, Object>> STORED_VALUES = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> values = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                values.put(((StoredValue) constant).value(), constant);
            }
            return Map.copyOf(values);
        }
    };

    static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
