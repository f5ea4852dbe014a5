package dev.chatstore.storage.spi;

/**
 * A typed cache of the original bot; each has its own table {@code cache_<value>} with {@code key},
 * {@code data}, {@code created_at} and {@code updated_at}.
 */
public enum CacheType implements StoredValue {
    WEATHER("weather"),
    GEOCODING("geocoding"),
    YANDEX_SEARCH("yandex_search"),
    GEOCODE_MAPS_SEARCH("geocode_maps_search"),
    GEOCODE_MAPS_REVERSE("geocode_maps_reverse"),
    GEOCODE_MAPS_LOOKUP("geocode_maps_lookup");

    private final String value;

    CacheType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The SQL table holding this cache, for example {@code cache_weather}. */
    public String tableName() {
        return "cache_" + value;
    }

    /**
     * The constant whose stored text is {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that text (the message lists the known values)
     */
    public static CacheType fromValue(String value) {
        return StoredValue.parse(CacheType.class, value);
    }
}
