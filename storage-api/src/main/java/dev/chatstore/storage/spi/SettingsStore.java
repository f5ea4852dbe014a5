package dev.chatstore.storage.spi;

import java.util.Map;
import java.util.Optional;

import static dev.chatstore.storage.spi.Access.READ;
import static dev.chatstore.storage.spi.Access.WRITE;
import static dev.chatstore.storage.spi.Route.DEFAULT;

/** Global key/value settings (table {@code settings}). Part of {@link ChatStore}; see there for the common contract. */
public interface SettingsStore {
    /**
     * Stores {@code value} under {@code key}, replacing any value and refreshing {@code updated_at}.
     *
     * @param key   non-null
     * @param value non-null
     */
    @Operation(access = WRITE, route = DEFAULT)
    void setSetting(String key, String value);

    /**
     * The value stored under {@code key}.
     *
     * @param key non-null
     * @return the value, or empty when the key is not set
     */
    @Operation(access = READ, route = DEFAULT)
    Optional<String> getSetting(String key);

    /**
     * Every global setting, including the schema bookkeeping rows ({@code db-migration-version}, ...).
     *
     * @return an unmodifiable map ordered by key; empty when none
     */
    @Operation(access = READ, route = DEFAULT)
    Map<String, String> getSettings();
}
