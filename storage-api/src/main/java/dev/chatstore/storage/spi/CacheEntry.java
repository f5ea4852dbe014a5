package dev.chatstore.storage.spi;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** One row of a typed cache table ({@code cache_<type>}). {@code updatedAt} is what a TTL is measured from. */
public record CacheEntry(CacheType cacheType, String key, String data, Instant createdAt, Instant updatedAt) {
    public CacheEntry {
        requireNonNull(cacheType, "cacheType is null");
        requireNonNull(key, "key is null");
        requireNonNull(data, "data is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        createdAt = Timestamps.seconds(createdAt);
        updatedAt = Timestamps.seconds(updatedAt);
    }
}
