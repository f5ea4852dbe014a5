package dev.chatstore.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the key/value parts share: a row as a pair, and rows as a map in SQL's order. */
final class SqliteKeyValues {
    private SqliteKeyValues() {
    }

    static Map.Entry<String, String> pair(ResultSet row) throws SQLException {
        return Map.entry(row.getString(1), row.getString(2));
    }

    /** Keeps SQL's order: BINARY collation on UTF-8 text is code point order, as the contract states it. */
    static <K> Map<K, String> orderedMap(Iterable<Map.Entry<K, String>> entries) {
        Map<K, String> result = new LinkedHashMap<>();
        for (Map.Entry<K, String> entry : entries) {
            result.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(result);
    }
}
