package dev.chatstore.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small row helpers the key/value parts share. */
final class PostgresRows {
    private PostgresRows() {
    }

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
