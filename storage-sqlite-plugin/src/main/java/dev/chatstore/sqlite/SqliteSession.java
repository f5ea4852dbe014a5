package dev.chatstore.sqlite;

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
 * One borrowed connection, for the length of one call: prepared statements come from the connection's own cache
 * (sqlite-jdbc caches none, and re-preparing halves the speed of a point read). Used by one thread at a time.
 */
final class SqliteSession {
    /** Maps the current row of a result set; must not advance it. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements;

    SqliteSession(Connection connection, Map<String, PreparedStatement> statements) {
        this.connection = connection;
        this.statements = statements;
    }

    /** The connection itself, for work that is not a cached statement (schema inspection). */
    Connection connection() {
        return connection;
    }

    /**
     * The cached statement for {@code sql}, prepared on first use. The caller binds every parameter and closes any
     * result set it opens; it never closes the statement.
     */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the changed row count. */
    int update(String sql, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql);
        bind(statement, args);
        return statement.executeUpdate();
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql);
        bind(statement, args);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }

    <T> List<T> queryList(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql);
        bind(statement, args);
        try (ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return Collections.unmodifiableList(result);
        }
    }

    /** A single value of the first row, or {@code fallback} when there is no row or the value is null. */
    long queryLong(String sql, long fallback, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql);
        bind(statement, args);
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return fallback;
            }
            long value = rows.getLong(1);
            return rows.wasNull() ? fallback : value;
        }
    }

    /**
     * Binds {@code args} in order, in the stored forms of the schema: timestamps as UTC text, booleans as 0/1,
     * enumerations as their lower-case text.
     */
    static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            int index = i + 1;
            if (arg == null) {
                statement.setNull(index, Types.NULL);
            } else if (arg instanceof String text) {
                requireWellFormed(text, index);
                statement.setString(index, text);
            } else if (arg instanceof Long number) {
                statement.setLong(index, number);
            } else if (arg instanceof Integer number) {
                statement.setInt(index, number);
            } else if (arg instanceof Double number) {
                statement.setDouble(index, number);
            } else if (arg instanceof Boolean flag) {
                statement.setInt(index, flag ? 1 : 0);
            } else if (arg instanceof Instant instant) {
                statement.setString(index, SqliteTime.format(instant));
            } else if (arg instanceof StoredValue value) {
                statement.setString(index, value.value());
            } else {
                throw new IllegalArgumentException("No SQLite form for " + arg.getClass().getName());
            }
        }
    }

    /**
     * Refuses text with an unpaired UTF-16 surrogate: SQLite stores UTF-8, which cannot represent one, and
     * sqlite-jdbc would silently store '?' in its place. Refusing keeps the contract "stored verbatim or refused".
     */
    private static void requireWellFormed(String text, int parameter) throws SQLException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new SQLException(String.format("text value %d contains an unpaired UTF-16 surrogate (U+%04X at "
                        + "index %d), which SQLite's UTF-8 cannot store (it would become '?'); nothing was stored. "
                        + "Pass well-formed Unicode text", parameter, (int) c, i), "22021");
            }
        }
    }

    /**
     * The constant stored as {@code text}, from a per-type map: {@link StoredValue#parse} scans the constants, which
     * shows in a read of many rows.
     *
     * @throws IllegalArgumentException if no constant has that text
     */
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

    static Instant instant(ResultSet row, int column) throws SQLException {
        return SqliteTime.parseOrEpoch(row.getString(column));
    }
}
