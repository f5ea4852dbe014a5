package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.SettingsStore;

import java.util.Map;
import java.util.Optional;

/** Global {@code settings} rows. */
final class SqliteSettings implements SettingsStore {
    private final JdbcSource source;

    SqliteSettings(JdbcSource source) {
        this.source = source;
    }

    @Override
    public void setSetting(String key, String value) {
        Object now = SqliteTime.now();
        source.write(s -> s.update("INSERT INTO settings (key, value, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                + "updated_at = excluded.updated_at", key, value, now, now));
    }

    @Override
    public Optional<String> getSetting(String key) {
        return source.read(s -> s.queryOne("SELECT value FROM settings WHERE key = ?",
                row -> row.getString(1), key)).filter(value -> value != null);
    }

    @Override
    public Map<String, String> getSettings() {
        return source.read(s -> SqliteKeyValues.orderedMap(s.queryList("SELECT key, value FROM settings "
                + "WHERE value IS NOT NULL ORDER BY key", SqliteKeyValues::pair)));
    }

}
