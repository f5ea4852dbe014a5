package dev.chatstore.host;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreProvider;

import static java.util.Objects.requireNonNull;

/**
 * Opens stores with the thread's context class loader set to the provider's plugin class loader, then restores it:
 * libraries inside a plugin (JDBC drivers, Flyway, ServiceLoader users) look resources up through that loader.
 */
final class ContextClassLoaderProvider implements StoreProvider {
    private final StoreProvider delegate;

    ContextClassLoaderProvider(StoreProvider delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public String type() {
        return delegate.type();
    }

    @Override
    public ChatStore open(SourceConfig source) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(delegate.getClass().getClassLoader());
        try {
            return delegate.open(source);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
