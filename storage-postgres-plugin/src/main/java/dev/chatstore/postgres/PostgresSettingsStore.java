package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.SettingsStore;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** {@link SettingsStore}: the global {@code settings} rows. Thread-safe. */
final class PostgresSettingsStore implements SettingsStore {
    private final JdbcSource source;
    private final PostgresReads reads;

    PostgresSettingsStore(PostgresReads reads) {
        this.source = reads.source();
        this.reads = reads;
    }

    @Override
    public void setSetting(String key, String value) {
        Instant now = PostgresTime.now();
        source.write(s -> s.update("INSERT INTO settings (key, value, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                + "updated_at = excluded.updated_at", key, value, now, now));
    }

    @Override
    public Optional<String> getSetting(String key) {
        return reads.read(Optional.empty(), s -> s.queryOne("SELECT value FROM settings WHERE key = ? "
                + "AND value IS NOT NULL", row -> row.getString(1), key));
    }

    @Override
    public Map<String, String> getSettings() {
        return reads.read(Map.of(), s -> PostgresRows.orderedMap(s.queryList("SELECT key, value FROM settings "
                + "WHERE value IS NOT NULL ORDER BY key", PostgresRows::pair)));
    }
}
