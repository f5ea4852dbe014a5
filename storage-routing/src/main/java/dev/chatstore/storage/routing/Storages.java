package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StoreProvider;

import java.util.Collection;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Builds a {@link Storage} without Guice: the same chain {@link StorageModule} wires (readonly guard &rarr; router
 * &rarr; fan-out aggregator &rarr; one store per source).
 */
public final class Storages {
    private Storages() {
    }

    /**
     * Opens every configured source with the provider of its {@code type} and builds the storage over them. The
     * caller owns the result and closes it, which closes the sources.
     *
     * @param config    non-null
     * @param providers the available providers, at most one per type; non-null
     * @throws dev.chatstore.storage.spi.StorageException if two providers share a type or a configured type has no
     *                                                    provider (the message lists the known types), or a source
     *                                                    fails to open (the sources opened before it are closed)
     */
    public static Storage open(StorageConfig config, Collection<StoreProvider> providers) {
        return open(config, StoreProviders.of(providers));
    }

    /** Like {@link #open(StorageConfig, Collection)}, with providers already indexed (the host's). */
    public static Storage open(StorageConfig config, StoreProviders providers) {
        SourceStores sources = new SourceOpener(config, providers).open();
        try {
            return assemble(sources);
        } catch (RuntimeException | Error e) {
            try {
                sources.close();
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /**
     * Builds the storage over stores the caller has opened already, one per configured source. The storage takes
     * ownership: closing it closes them. On failure it takes nothing and closes nothing.
     *
     * @param openStores source name to open store, exactly the configured names; non-null
     * @throws IllegalArgumentException if a configured source has no store, or a store names no configured source
     */
    public static Storage of(StorageConfig config, Map<String, ChatStore> openStores) {
        requireNonNull(config, "config is null");
        return assemble(new SourceStores(config, openStores));
    }

    /** The chain over open sources, built with the layers' plain constructors; {@link StorageModule} wires the same. */
    static Storage assemble(SourceStores sources) {
        FanOutAggregator aggregator = new FanOutAggregator(sources);
        try {
            ChatRouter router = new ChatRouter(aggregator.asChatStore(), sources);
            ReadOnlyGuard guard = new ReadOnlyGuard(router, sources.config());
            return StorageFacade.create(sources, aggregator, guard.asChatStore());
        } catch (RuntimeException | Error e) {
            aggregator.close();
            throw e;
        }
    }
}
