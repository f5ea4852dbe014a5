package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.StoredValue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Reading the schema's stored forms back: timestamps from UTC text, enumerations from their text. */
final class SqliteRows {
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

    private SqliteRows() {
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

    static Instant instant(ResultSet row, int column) throws SQLException {
        return SqliteTime.parseOrEpoch(row.getString(column));
    }
}
