package dev.chatstore.storage.spi;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What {@link StoreAdmin#migrate()} did to one source.
 *
 * @param versionBefore schema version when the source was opened, before any migration
 * @param versionAfter  schema version now
 * @param changed       whether any step ran (before a write, or in this call)
 * @param notes         what one-time steps changed in the data, one line each with counts (for example rows an
 *                      earlier build wrote wrongly and a step repaired); empty when none; never null
 */
public record MigrationResult(String sourceName, String versionBefore, String versionAfter, boolean changed,
                              List<String> notes) {
    public MigrationResult {
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(versionBefore, "versionBefore is null");
        requireNonNull(versionAfter, "versionAfter is null");
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
    }

    /** A result without notes. */
    public MigrationResult(String sourceName, String versionBefore, String versionAfter, boolean changed) {
        this(sourceName, versionBefore, versionAfter, changed, List.of());
    }
}
