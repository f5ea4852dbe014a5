package dev.chatstore.storage.routing;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StoreProvider;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Binds {@link Storage} and {@link ChatStore} to one singleton facade over the chain
 * readonly guard &rarr; router ({@link ForRouting}) &rarr; aggregator ({@link ForAggregation}) &rarr; sources.
 * Works under {@code requireExplicitBindings()}, {@code disableCircularProxies()} and {@code Stage.PRODUCTION}
 * (where the injector opens every source while it is being created).
 *
 * <p>The layers' {@code @Inject} constructors take their qualified delegate. Each layer is an
 * {@link java.lang.reflect.InvocationHandler} whose {@code ChatStore} is a proxy over it, so the qualified
 * {@code ChatStore} bindings are {@code @Provides} methods that hand out a layer's proxy.
 *
 * <p>Providers are checked when the module is constructed: two providers of one type, or a configured type with no
 * provider, throw a {@link dev.chatstore.storage.spi.StorageException} (listing the known types) right there rather
 * than inside a Guice {@code CreationException}. A source that fails to open fails injector creation (the sources
 * opened before it are closed). Whoever creates the injector closes the {@code Storage}; Guice does not.
 *
 * <p>Bot tests replace the store with {@code Modules.override(new StorageModule(...)).with(binder ->
 * binder.bind(ChatStore.class).toInstance(mock))}.
 */
public final class StorageModule extends AbstractModule {
    private final StorageConfig config;
    private final SourceOpener opener;

    /**
     * @param config    non-null
     * @param providers the available providers, at most one per type; non-null; copied
     * @throws dev.chatstore.storage.spi.StorageException if two providers share a type or a configured type has no
     *                                                    provider
     */
    public StorageModule(StorageConfig config, Collection<StoreProvider> providers) {
        this(config, StoreProviders.of(List.copyOf(requireNonNull(providers, "providers is null"))));
    }

    /** Like {@link #StorageModule(StorageConfig, Collection)}, with providers already indexed (the host's). */
    public StorageModule(StorageConfig config, StoreProviders providers) {
        this.config = requireNonNull(config, "config is null");
        this.opener = new SourceOpener(config, requireNonNull(providers, "providers is null"));
    }

    @Override
    protected void configure() {
        bind(StorageConfig.class).toInstance(config);
        bind(FanOutAggregator.class).in(Singleton.class);
        bind(ChatRouter.class).in(Singleton.class);
        bind(ReadOnlyGuard.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    SourceStores sourceStores() {
        return opener.open();
    }

    @Provides
    @Singleton
    @ForAggregation
    ChatStore aggregation(FanOutAggregator aggregator) {
        return aggregator.asChatStore();
    }

    @Provides
    @Singleton
    @ForRouting
    ChatStore routing(ChatRouter router) {
        return router.asChatStore();
    }

    @Provides
    @Singleton
    Storage storage(ReadOnlyGuard guard, SourceStores sources, FanOutAggregator aggregator) {
        return StorageFacade.create(sources, aggregator, guard.asChatStore());
    }

    @Provides
    @Singleton
    ChatStore chatStore(Storage storage) {
        return storage;
    }
}
