package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StoreAdmin;
import dev.chatstore.storage.spi.UnknownSourceException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.Objects.requireNonNull;

/**
 * The open store of every configured source, in config order, with the config they were opened from. Owns the
 * stores: {@link #close()} closes each of them. Thread-safe (immutable apart from the closed flag).
 */
final class SourceStores implements AutoCloseable {
    private final StorageConfig config;
    private final Map<String, ChatStore> stores;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param stores exactly one open store per configured source
     * @throws IllegalArgumentException if a configured source has no store or a store names no configured source
     */
    SourceStores(StorageConfig config, Map<String, ChatStore> stores) {
        this.config = requireNonNull(config, "config is null");
        requireNonNull(stores, "stores is null");
        Map<String, ChatStore> ordered = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : config.sourceNames()) {
            ChatStore store = stores.get(name);
            if (store == null) {
                missing.add(name);
            } else {
                ordered.put(name, store);
            }
        }
        List<String> extra = new ArrayList<>(stores.keySet());
        extra.removeAll(ordered.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException("need exactly one open store per configured source " + config.sourceNames()
                    + "; missing " + missing + ", not configured " + extra);
        }
        this.stores = Collections.unmodifiableMap(ordered);
    }

    StorageConfig config() {
        return config;
    }

    /** Source name to store, in config order; unmodifiable. */
    Map<String, ChatStore> stores() {
        return stores;
    }

    /**
     * The most connections the source opens: what its store reports ({@link StoreAdmin#poolSize()}, 1 for an
     * in-memory SQLite), else the configured {@code pool-size}.
     */
    int poolSize(String name) {
        ChatStore store = store(name);
        int configured = config.source(name).poolSize();
        return store instanceof StoreAdmin admin ? admin.poolSize().orElse(configured) : configured;
    }

    /** @throws UnknownSourceException listing the configured names if {@code name} is not one of them */
    ChatStore store(String name) {
        ChatStore store = stores.get(requireNonNull(name, "source name is null"));
        if (store == null) {
            throw new UnknownSourceException(name, config.sourceNames());
        }
        return store;
    }

    /**
     * Closes every store, in config order, even when one fails; the first failure is thrown with the others
     * suppressed. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeAll(stores.values());
        }
    }

    /** Closes each store, then throws the first failure with the others suppressed (nothing is swallowed). */
    static void closeAll(Iterable<? extends AutoCloseable> closeables) {
        Throwable first = null;
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Throwable e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw OperationHandler.rethrow(first);
        }
    }
}
