package dev.chatstore.host;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM shutdown hook (SIGTERM, SIGINT) that runs an action once, removed again when the command ends normally, so
 * an interrupted command still closes every pool and unloads the plugins.
 */
final class RuntimeShutdownHook implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RuntimeShutdownHook.class);

    private final Thread thread;

    private RuntimeShutdownHook(String name, Runnable action) {
        this.thread = new Thread(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("Clean shutdown failed: {}", e.toString());
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(thread);
    }

    /** Installs a hook that closes the runtime. */
    static RuntimeShutdownHook closing(HostRuntime runtime) {
        return install("bot-host-shutdown", runtime::close);
    }

    static RuntimeShutdownHook install(String name, Runnable action) {
        return new RuntimeShutdownHook(name, action);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is running or has run; it does the closing.
        }
    }
}
