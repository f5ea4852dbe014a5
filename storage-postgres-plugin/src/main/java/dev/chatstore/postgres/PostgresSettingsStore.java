package dev.chatstore.postgres;

import dev.chatstore.storage.spi.SettingsStore;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link SettingsStore}: the global {@code settings} rows. Thread-safe. */
final class PostgresSettingsStore implements SettingsStore {
    private final PostgresSource source;

    PostgresSettingsStore(PostgresSource source) {
        this.source = source;
    }

    @Override
    public void setSetting(String key, String value) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        Instant now = PostgresTime.now();
        source.write("setSetting", s -> s.update("INSERT INTO settings (key, value, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                + "updated_at = excluded.updated_at", key, value, now, now));
    }

    @Override
    public Optional<String> getSetting(String key) {
        requireNonNull(key, "key is null");
        return source.read("getSetting", s -> s.queryOne("SELECT value FROM settings WHERE key = ?",
                row -> Optional.ofNullable(row.getString(1)), key)).flatMap(value -> value);
    }

    @Override
    public Map<String, String> getSettings() {
        return source.read("getSettings", s -> PostgresRows.orderedMap(s.queryList("SELECT key, value FROM settings "
                + "WHERE value IS NOT NULL ORDER BY key", PostgresRows::pair)));
    }
}
