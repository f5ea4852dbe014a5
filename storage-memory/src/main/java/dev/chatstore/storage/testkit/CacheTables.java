package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.CacheEntry;
import dev.chatstore.storage.spi.CacheStorageEntry;
import dev.chatstore.storage.spi.CacheType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The typed {@code cache_<type>} tables and {@code cache_storage}. Not thread-safe: the store guards it. */
final class CacheTables {
    private record NamespacedKey(String namespace, String key) {
    }

    private static final Comparator<CacheStorageEntry> NEWEST_FIRST =
            Comparator.comparing(CacheStorageEntry::updatedAt).reversed()
                    .thenComparing(CacheStorageEntry::namespace, CodePointOrder.INSTANCE)
                    .thenComparing(CacheStorageEntry::key, CodePointOrder.INSTANCE);

    private final Map<CacheType, Map<String, CacheEntry>> typed = new EnumMap<>(CacheType.class);
    private final Map<NamespacedKey, CacheStorageEntry> storage = new HashMap<>();

    void put(CacheType type, String key, String data, Instant now) {
        typed.computeIfAbsent(type, t -> new HashMap<>()).merge(key, new CacheEntry(type, key, data, now, now),
                (stored, fresh) -> new CacheEntry(type, key, data, stored.createdAt(), now));
    }

    /**
     * The cutoff is cut to whole seconds like the stored {@code updated_at}, so this matches SQL's
     * {@code updated_at >= :cutoff} on second-precision text: an entry is fresh while
     * {@code updatedAt >= truncate(now - ttl)}.
     */
    Optional<CacheEntry> find(CacheType type, String key, Duration ttl, Instant now) {
        CacheEntry entry = typed.getOrDefault(type, Map.of()).get(key);
        if (entry == null || ttl == null) {
            return Optional.ofNullable(entry);
        }
        Instant cutoff = now.minus(ttl).truncatedTo(ChronoUnit.SECONDS);
        return entry.updatedAt().isBefore(cutoff) ? Optional.empty() : Optional.of(entry);
    }

    int clear(CacheType type) {
        Map<String, CacheEntry> removed = typed.remove(type);
        return removed == null ? 0 : removed.size();
    }

    void putStorage(String namespace, String key, String value, Instant now) {
        storage.put(new NamespacedKey(namespace, key), new CacheStorageEntry(namespace, key, value, now));
    }

    List<CacheStorageEntry> storage() {
        return storage.values().stream().sorted(NEWEST_FIRST).toList();
    }

    boolean removeStorage(String namespace, String key) {
        return storage.remove(new NamespacedKey(namespace, key)) != null;
    }
}
