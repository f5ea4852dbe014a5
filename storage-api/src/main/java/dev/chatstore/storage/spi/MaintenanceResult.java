package dev.chatstore.storage.spi;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What {@link StoreAdmin#maintain} did on one source, one line per step in the order run
 * ({@code "checkpoint: 1,204 WAL pages written back"}). Immutable.
 */
public record MaintenanceResult(String sourceName, List<String> steps) {
    public MaintenanceResult {
        requireNonNull(sourceName, "sourceName is null");
        steps = List.copyOf(steps);
    }
}
