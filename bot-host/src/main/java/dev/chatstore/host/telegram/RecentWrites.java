package dev.chatstore.host.telegram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers what was recently written under a key (chat info, a member's name, a topic, a media record), so
 * that an update repeating it costs no write. An entry goes stale after {@code maxAgeNanos}, because upserting a
 * member also refreshes its "last seen" time: with a long-running webhook that time lags by at most the maximum
 * age. Least recently used entries are dropped beyond {@code capacity}. Not thread-safe.
 */
final class RecentWrites {
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final Map<Object, Entry> entries;

    private record Entry(Object value, long writtenAt) {
    }

    RecentWrites(int capacity, long maxAgeNanos, LongSupplier nanoClock) {
        this.maxAgeNanos = maxAgeNanos;
        this.nanoClock = nanoClock;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether exactly {@code value} was written under {@code key} within the maximum age. */
    boolean isFresh(Object key, Object value) {
        Entry entry = entries.get(key);
        return entry != null && entry.value().equals(value) && nanoClock.getAsLong() - entry.writtenAt() < maxAgeNanos;
    }

    /** Whether anything was written (or found stored) under {@code key} within the maximum age. */
    boolean isKnown(Object key) {
        Entry entry = entries.get(key);
        return entry != null && nanoClock.getAsLong() - entry.writtenAt() < maxAgeNanos;
    }

    void written(Object key, Object value) {
        entries.put(key, new Entry(value, nanoClock.getAsLong()));
    }
}
