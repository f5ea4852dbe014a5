package dev.chatstore.storage.spi;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link StoreAdmin#maintain} is asked to do on one source. Immutable.
 *
 * @param checkpoint whether to write the source's journal back into its database now (SQLite: a WAL checkpoint
 *                   that truncates the {@code -wal} file); a write, refused on a readonly source
 * @param analyze    whether to refresh the query planner's statistics (SQLite: {@code ANALYZE}); a write, refused
 *                   on a readonly source
 * @param compactTo  when non-null, an absolute path that does not exist yet, where a compacted copy of the source
 *                   is written (SQLite: {@code VACUUM INTO}); reads only, so a readonly source may be copied
 */
public record MaintenanceRequest(boolean checkpoint, boolean analyze, Path compactTo) {
    public MaintenanceRequest {
        if (compactTo != null && !compactTo.isAbsolute()) {
            throw new IllegalArgumentException("compactTo must be absolute, was " + compactTo);
        }
        if (!checkpoint && !analyze && compactTo == null) {
            throw new IllegalArgumentException("nothing to do: ask for a checkpoint, an analyze or a compacted copy");
        }
    }

    /** The routine upkeep of a writable source: checkpoint and fresh statistics. */
    public static MaintenanceRequest routine() {
        return new MaintenanceRequest(true, true, null);
    }

    /** The copy's path, when one is asked for. */
    public Optional<Path> compactCopy() {
        return Optional.ofNullable(compactTo);
    }
}
