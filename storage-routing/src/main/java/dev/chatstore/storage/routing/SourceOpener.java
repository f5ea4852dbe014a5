package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreProvider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Opens every configured source with the {@link StoreProvider} of its {@code type}. The constructor checks the
 * providers against the config (fail fast, before anything is opened): a type declared by two providers, or a
 * configured type no provider declares, is a {@link StorageException} naming the known types. Immutable;
 * {@link #open()} may be called once per storage.
 */
final class SourceOpener {
    private final StorageConfig config;
    private final Map<String, StoreProvider> providersByType;

    /**
     * @throws StorageException if two providers share a type, or a source's type has no provider
     */
    SourceOpener(StorageConfig config, Collection<? extends StoreProvider> providers) {
        this.config = requireNonNull(config, "config is null");
        requireNonNull(providers, "providers is null");
        this.providersByType = index(providers);
        List<String> missing = new ArrayList<>();
        for (SourceConfig source : config.sources()) {
            if (!providersByType.containsKey(source.type())) {
                missing.add("source '" + source.name() + "' has type '" + source.type() + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new StorageException("No StoreProvider for " + String.join("; ", missing) + ". Known types: "
                    + providersByType.keySet() + ". Install the storage plugin of that type or fix the source's "
                    + "'type' key.");
        }
    }

    private static Map<String, StoreProvider> index(Collection<? extends StoreProvider> providers) {
        Map<String, StoreProvider> byType = new TreeMap<>();
        for (StoreProvider provider : providers) {
            requireNonNull(provider, "providers has a null element");
            String type = requireNonNull(provider.type(), () -> provider.getClass().getName() + ".type() is null");
            StoreProvider previous = byType.putIfAbsent(type, provider);
            if (previous != null) {
                throw new StorageException("Two StoreProviders declare type '" + type + "': "
                        + describe(previous) + " and " + describe(provider)
                        + ". Remove one of the plugins so that each type has exactly one provider.");
            }
        }
        return byType;
    }

    private static String describe(StoreProvider provider) {
        return provider.getClass().getName() + " (loaded by " + provider.getClass().getClassLoader() + ")";
    }

    /**
     * Opens every source in config order, each with the thread's context class loader set to its provider's class
     * loader (plugins that look resources or drivers up through it find their own), restored afterwards. If one
     * fails, the sources already opened are closed (their failures suppressed into the first) and the failure is
     * rethrown as it was.
     */
    SourceStores open() {
        Map<String, ChatStore> opened = new LinkedHashMap<>();
        try {
            for (SourceConfig source : config.sources()) {
                opened.put(source.name(), open(providersByType.get(source.type()), source));
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

    private static ChatStore open(StoreProvider provider, SourceConfig source) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(provider.getClass().getClassLoader());
        try {
            ChatStore store = provider.open(source);
            if (store == null) {
                throw new StorageException("StoreProvider " + provider.getClass().getName() + " of type '"
                        + provider.type() + "' returned null for source '" + source.name() + "' (path "
                        + source.path() + "); a provider must return an open store or throw");
            }
            return store;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
