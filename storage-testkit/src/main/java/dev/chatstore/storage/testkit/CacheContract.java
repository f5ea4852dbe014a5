package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.CacheEntry;
import dev.chatstore.storage.spi.CacheStorageEntry;
import dev.chatstore.storage.spi.CacheType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

import static dev.chatstore.storage.testkit.Samples.assertStamped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Contract of {@link dev.chatstore.storage.spi.CacheStore}, except what needs time to pass (TTL expiry, newest
 * first), which is in {@link TimestampContract}.
 */
interface CacheContract extends StoreFixture {
    @Test
    default void aCacheEntryIsStoredReplacedAndReadWithinItsTtl() {
        Instant before = clock().instant();
        store().setCacheEntry(CacheType.WEATHER, "moscow", "{\"t\":-3}");
        Instant after = clock().instant();
        store().setCacheEntry(CacheType.WEATHER, "moscow", "{\"t\":-5}");

        CacheEntry entry = store().getCacheEntry(CacheType.WEATHER, "moscow", null).orElseThrow();
        assertThat(entry).extracting(CacheEntry::cacheType, CacheEntry::key, CacheEntry::data)
                .containsExactly(CacheType.WEATHER, "moscow", "{\"t\":-5}");
        assertStamped(entry.createdAt(), before, after);
        assertThat(store().getCacheEntry(CacheType.WEATHER, "moscow", Duration.ofHours(1))).hasValue(entry);
        assertThat(store().getCacheEntry(CacheType.WEATHER, "Moscow", null)).isEmpty();
    }

    @Test
    default void eachCacheTypeIsItsOwnTableAndClearsAlone() {
        for (CacheType type : CacheType.values()) {
            store().setCacheEntry(type, "shared-key", type.value());
        }
        store().setCacheEntry(CacheType.GEOCODING, "another-key", "x");

        for (CacheType type : CacheType.values()) {
            assertThat(store().getCacheEntry(type, "shared-key", null)).get().extracting(CacheEntry::data)
                    .isEqualTo(type.value());
        }
        assertThat(store().clearCache(CacheType.GEOCODING)).isEqualTo(2);
        assertThat(store().getCacheEntry(CacheType.GEOCODING, "shared-key", null)).isEmpty();
        assertThat(store().clearCache(CacheType.GEOCODING)).isZero();
        assertThat(store().getCacheEntry(CacheType.GEOCODE_MAPS_LOOKUP, "shared-key", null)).isPresent();
        assertThat(store().getCacheEntry(CacheType.WEATHER, "shared-key", null)).isPresent();
    }

    @Test
    default void namespacedEntriesAreStoredReplacedAndRemoved() {
        Instant before = clock().instant();
        store().setCacheStorage("weather", "moscow", "cold");
        store().setCacheStorage("weather", "moscow", "colder");
        store().setCacheStorage("weather", "tel-aviv", "warm");
        store().setCacheStorage("geo", "moscow", "55.75,37.61");
        Instant after = clock().instant();

        assertThat(store().getCacheStorage())
                .extracting(CacheStorageEntry::namespace, CacheStorageEntry::key, CacheStorageEntry::value)
                .containsExactlyInAnyOrder(tuple("weather", "moscow", "colder"), tuple("weather", "tel-aviv", "warm"),
                        tuple("geo", "moscow", "55.75,37.61"));
        assertThat(store().getCacheStorage()).allSatisfy(entry -> assertStamped(entry.updatedAt(), before, after))
                .as("newest first, then by namespace and key").isSortedAccordingTo(
                        Comparator.comparing(CacheStorageEntry::updatedAt).reversed()
                                .thenComparing(CacheStorageEntry::namespace).thenComparing(CacheStorageEntry::key));
        assertThat(store().unsetCacheStorage("weather", "moscow")).isTrue();
        assertThat(store().unsetCacheStorage("weather", "moscow")).isFalse();
        assertThat(store().unsetCacheStorage("nowhere", "moscow")).isFalse();
        assertThat(store().getCacheStorage()).extracting(CacheStorageEntry::key).containsExactlyInAnyOrder("tel-aviv",
                "moscow");
    }
}
