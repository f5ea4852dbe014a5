package dev.chatstore.storage.spi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.chatstore.storage.spi.Access.READ;
import static dev.chatstore.storage.spi.Access.WRITE;
import static dev.chatstore.storage.spi.Route.DEFAULT;

/**
 * Typed caches ({@code cache_<type>} tables) and the namespaced cache ({@code cache_storage}). Part of
 * {@link ChatStore}; see there for the common contract.
 */
public interface CacheStore {
    /**
     * Stores {@code data} under {@code key} in the cache of {@code cacheType}, replacing any entry and refreshing
     * {@code updated_at}.
     */
    @Operation(access = WRITE, route = DEFAULT)
    void setCacheEntry(CacheType cacheType, String key, String data);

    /**
     * An entry, unless it is older than {@code ttl}.
     *
     * @param ttl null for no expiry; otherwise an entry whose {@code updated_at} is more than {@code ttl} ago is
     *            treated as absent (it is not deleted)
     * @return the entry, or empty when absent or expired
     */
    @Operation(access = READ, route = DEFAULT)
    Optional<CacheEntry> getCacheEntry(CacheType cacheType, String key, @Nullable Duration ttl);

    /** @return how many entries were removed */
    @Operation(access = WRITE, route = DEFAULT)
    int clearCache(CacheType cacheType);

    /** Stores {@code value} under ({@code namespace}, {@code key}), replacing any value. All arguments non-null. */
    @Operation(access = WRITE, route = DEFAULT)
    void setCacheStorage(String namespace, String key, String value);

    /** @return every namespaced entry, newest {@code updated_at} first; unmodifiable, empty when none */
    @Operation(access = READ, route = DEFAULT)
    List<CacheStorageEntry> getCacheStorage();

    /** @return whether the entry existed (and is now removed) */
    @Operation(access = WRITE, route = DEFAULT)
    boolean unsetCacheStorage(String namespace, String key);
}
