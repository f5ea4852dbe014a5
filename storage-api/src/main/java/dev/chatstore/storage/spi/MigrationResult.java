package dev.chatstore.storage.spi;

import static java.util.Objects.requireNonNull;

/**
 * What {@link StoreAdmin#migrate()} did to one source.
 *
 * @param versionBefore schema version when the source was opened, before any migration
 * @param versionAfter  schema version now
 * @param changed       whether any step ran (at open or in this call)
 */
public record MigrationResult(String sourceName, String versionBefore, String versionAfter, boolean changed) {
    public MigrationResult {
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(versionBefore, "versionBefore is null");
        requireNonNull(versionAfter, "versionAfter is null");
    }
}
