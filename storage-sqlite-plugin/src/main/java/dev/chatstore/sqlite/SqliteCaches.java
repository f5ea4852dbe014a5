package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.JdbcSession;

import dev.chatstore.storage.spi.CacheStore;
import dev.chatstore.storage.spi.CacheEntry;
import dev.chatstore.storage.spi.CacheStorageEntry;
import dev.chatstore.storage.spi.CacheType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;


/** The typed {@code cache_<type>} tables and the namespaced {@code cache_storage}. */
final class SqliteCaches implements CacheStore {
    private final JdbcSource source;

    SqliteCaches(JdbcSource source) {
        this.source = source;
    }

    @Override
    public void setCacheEntry(CacheType cacheType, String key, String data) {
        Instant now = SqliteTime.now();
        // The table name comes from the enum, never from the caller.
        source.write(s -> s.update("INSERT INTO " + cacheType.tableName() + " (key, data, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data, "
                + "updated_at = excluded.updated_at", key, data, now, now));
    }

    /**
     * An entry is fresh while {@code updated_at >= truncate(now - ttl)}: the cutoff is cut to whole seconds like
     * the stored text it is compared with.
     *
     * @throws IllegalArgumentException if {@code ttl} is negative
     */
    @Override
    public Optional<CacheEntry> getCacheEntry(CacheType cacheType, String key, Duration ttl) {
        if (ttl != null && ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
        }
        String sql = "SELECT key, data, created_at, updated_at FROM " + cacheType.tableName() + " WHERE key = ?";
        if (ttl == null) {
            return source.read(s -> s.queryOne(sql, row -> new CacheEntry(cacheType, row.getString(1),
                    row.getString(2), SqliteRows.instant(row, 3), SqliteRows.instant(row, 4)), key));
        }
        Instant cutoff = Instant.now().minus(ttl).truncatedTo(ChronoUnit.SECONDS);
        return source.read(s -> s.queryOne(sql + " AND updated_at >= ?", row -> new CacheEntry(
                cacheType, row.getString(1), row.getString(2), SqliteRows.instant(row, 3),
                SqliteRows.instant(row, 4)), key, cutoff));
    }

    @Override
    public int clearCache(CacheType cacheType) {
        return source.write(s -> s.update("DELETE FROM " + cacheType.tableName()));
    }

    @Override
    public void setCacheStorage(String namespace, String key, String value) {
        source.write(s -> s.update("INSERT INTO cache_storage (namespace, key, value, updated_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, "
                + "updated_at = excluded.updated_at", namespace, key, value, SqliteTime.now()));
    }

    @Override
    public List<CacheStorageEntry> getCacheStorage() {
        return source.read(s -> s.queryList("SELECT namespace, key, value, updated_at "
                + "FROM cache_storage ORDER BY updated_at DESC, namespace, key", row -> new CacheStorageEntry(
                row.getString(1), row.getString(2), row.getString(3), SqliteRows.instant(row, 4))));
    }

    @Override
    public boolean unsetCacheStorage(String namespace, String key) {
        return source.write(s -> s.update("DELETE FROM cache_storage WHERE namespace = ? "
                + "AND key = ?", namespace, key)) > 0;
    }
}
