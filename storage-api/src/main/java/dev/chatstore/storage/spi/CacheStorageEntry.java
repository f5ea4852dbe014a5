package dev.chatstore.storage.spi;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** One row of the generic namespaced cache (table {@code cache_storage}). */
public record CacheStorageEntry(String namespace, String key, String value, Instant updatedAt) {
    public CacheStorageEntry {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        requireNonNull(updatedAt, "updatedAt is null");
        updatedAt = Timestamps.seconds(updatedAt);
    }
}
