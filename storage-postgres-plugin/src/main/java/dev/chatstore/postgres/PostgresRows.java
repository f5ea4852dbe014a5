package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.JdbcSession;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import dev.chatstore.storage.spi.StoredValue;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers the parts share: key/value rows, JDBC batches, stored enumerations. */
final class PostgresRows {
    /** The arguments of one row of a batch. */
    @FunctionalInterface
    interface Binder<T> {
        Object[] args(T item);
    }

    private PostgresRows() {
    }

    /** Runs one (cached) statement once per item as a JDBC batch; the changed row count of each. */
    static <T> int[] batch(JdbcSession session, String sql, Iterable<T> items, Binder<T> binder) throws SQLException {
        PreparedStatement statement = session.prepare(sql);
        statement.clearBatch();
        for (T item : items) {
            session.bind(statement, binder.args(item));
            statement.addBatch();
        }
        return statement.executeBatch();
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

    static Map.Entry<String, String> pair(ResultSet row) throws SQLException {
        return Map.entry(row.getString(1), row.getString(2));
    }

    /** Keeps SQL's order: the "C" collation of the key columns is code point order, as the contract states it. */
    static <K> Map<K, String> orderedMap(Iterable<Map.Entry<K, String>> entries) {
        Map<K, String> result = new LinkedHashMap<>();
        for (Map.Entry<K, String> entry : entries) {
            result.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(result);
    }
}
