package dev.chatstore.host;

import com.google.inject.AbstractModule;
import dev.chatstore.storage.routing.StorageModule;
import dev.chatstore.storage.routing.StoreProviders;
import dev.chatstore.storage.spi.StorageConfig;

import static java.util.Objects.requireNonNull;

/**
 * The host's injector: the storage chain under strict Guice (every binding explicit, no circular proxies), so a
 * missing binding fails at startup rather than being made up just in time.
 */
final class HostModule extends AbstractModule {
    private final StorageConfig config;
    private final StoreProviders providers;

    HostModule(StorageConfig config, StoreProviders providers) {
        this.config = requireNonNull(config, "config is null");
        this.providers = requireNonNull(providers, "providers is null");
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        install(new StorageModule(config, providers));
    }
}
