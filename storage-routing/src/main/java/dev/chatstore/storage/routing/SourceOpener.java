package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Opens every configured source through {@link StoreProviders}, which checks the types first (fail fast, before
 * anything is opened). Immutable; {@link #open()} may be called once per storage.
 */
final class SourceOpener {
    private final StorageConfig config;
    private final StoreProviders providers;

    /**
     * @throws StorageException if two providers share a type, or a source's type has no provider
     */
    SourceOpener(StorageConfig config, StoreProviders providers) {
        this.config = requireNonNull(config, "config is null");
        this.providers = requireNonNull(providers, "providers is null");
        providers.requireTypes(config, "");
    }

    /**
     * Opens every source in config order. If one fails, the sources already opened are closed (their failures
     * suppressed into the first) and the failure is rethrown as it was.
     */
    SourceStores open() {
        Map<String, ChatStore> opened = new LinkedHashMap<>();
        try {
            for (SourceConfig source : config.sources()) {
                opened.put(source.name(), providers.open(source));
            }
        } catch (RuntimeException | Error e) {
            List<ChatStore> reversed = new ArrayList<>(opened.values());
            Collections.reverse(reversed);
            for (ChatStore store : reversed) {
                try {
                    store.close();
                } catch (Throwable closeFailure) {
                    e.addSuppressed(closeFailure);
                }
            }
            throw e;
        }
        return new SourceStores(config, opened);
    }
}
