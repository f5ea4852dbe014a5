package dev.chatstore.storage.routing;

/**
 * Sets the thread's context class loader for a block and restores it on close: libraries inside a plugin (JDBC
 * drivers, Flyway, ServiceLoader users) look resources up through it. Use with try-with-resources, on one thread.
 *
 * <pre>{@code try (var ignored = ContextClassLoader.of(provider)) { return provider.open(source); }}</pre>
 */
public final class ContextClassLoader implements AutoCloseable {
    private final Thread thread;
    private final ClassLoader previous;

    private ContextClassLoader(ClassLoader loader) {
        this.thread = Thread.currentThread();
        this.previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
    }

    /** Sets the class loader of {@code owner}'s class (a plugin's extension) until {@link #close()}. */
    public static ContextClassLoader of(Object owner) {
        return new ContextClassLoader(owner.getClass().getClassLoader());
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
