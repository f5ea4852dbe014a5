package dev.chatstore.host;

import dev.chatstore.storage.routing.StoreProviders;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens each source on its own (through the same {@link StoreProviders} the storage uses) and closes it again, so
 * {@code check-config} lists every source that cannot be opened instead of stopping at the first.
 */
final class SourceProbe {
    private SourceProbe() {
    }

    /**
     * @throws HostFailure (exit 2) listing every source that failed to open, with the backend's reason
     */
    static void requireAllOpen(StorageConfig config, StoreProviders providers) {
        List<String> problems = new ArrayList<>();
        for (SourceConfig source : config.sources()) {
            try {
                providers.open(source).close();
            } catch (RuntimeException e) {
                problems.add("source '" + source.name() + "' (" + source.location() + "): " + Errors.oneLine(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new HostFailure(ExitCode.USAGE, problems.size() == 1
                    ? "1 source cannot be opened; fix its location, readonly flag or file"
                    : problems.size() + " sources cannot be opened; fix their locations, readonly flags or files", problems);
        }
    }
}
