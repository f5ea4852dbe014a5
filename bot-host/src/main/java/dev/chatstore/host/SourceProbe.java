package dev.chatstore.host;

import dev.chatstore.storage.routing.StoreProviders;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens every source (through the same {@link StoreProviders} the storage uses), then closes them all, so
 * {@code check-config} lists every source that cannot be opened instead of stopping at the first (two sources
 * sharing one database included).
 */
final class SourceProbe {
    private SourceProbe() {
    }

    /**
     * @throws HostFailure (exit 2) listing every source that failed to open, with the backend's reason
     */
    static void requireAllOpen(StorageConfig config, StoreProviders providers) {
        List<String> problems = new ArrayList<>();
        // Held open together, as at start, so that a backend can refuse two sources that share one database.
        List<ChatStore> open = new ArrayList<>();
        try {
            for (SourceConfig source : config.sources()) {
                try {
                    open.add(providers.open(source));
                } catch (RuntimeException e) {
                    problems.add("source '" + source.name() + "' (" + source.location() + "): " + Errors.oneLine(e));
                }
            }
        } finally {
            for (ChatStore store : open) {
                try {
                    store.close();
                } catch (RuntimeException e) {
                    problems.add("closing " + store + ": " + Errors.oneLine(e));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new HostFailure(ExitCode.USAGE, problems.size() == 1
                    ? "1 source cannot be opened; fix its location, readonly flag or file"
                    : problems.size() + " sources cannot be opened; fix their locations, readonly flags or files", problems);
        }
    }
}
