package dev.chatstore.host;

import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StoreProvider;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** The loaded {@link StoreProvider}s by backend type; a type provided twice is fatal. */
final class ProviderIndex {
    private final Map<String, StoreProvider> byType;
    private final Path pluginsDir;

    private ProviderIndex(Map<String, StoreProvider> byType, Path pluginsDir) {
        this.byType = byType;
        this.pluginsDir = pluginsDir;
    }

    /**
     * Indexes providers by {@link StoreProvider#type()}.
     *
     * @param origin     names where a provider came from, for the duplicate-type message
     * @param pluginsDir the absolute plugins folder, for messages
     * @throws HostFailure (exit 2) if two providers declare the same type
     */
    static ProviderIndex of(Collection<StoreProvider> providers, Function<StoreProvider, String> origin, Path pluginsDir) {
        requireNonNull(pluginsDir, "pluginsDir is null");
        Map<String, StoreProvider> byType = new LinkedHashMap<>();
        for (StoreProvider provider : providers) {
            StoreProvider previous = byType.putIfAbsent(provider.type(), provider);
            if (previous != null) {
                throw HostFailure.usage(String.format("Storage type '%s' is provided twice, by %s and by %s, in %s: "
                                + "remove one of the two plugins", provider.type(), origin.apply(previous),
                        origin.apply(provider), pluginsDir));
            }
        }
        return new ProviderIndex(byType, pluginsDir);
    }

    /** The known types, in load order. */
    List<String> types() {
        return List.copyOf(byType.keySet());
    }

    /**
     * Checks that every source's type has a provider.
     *
     * @param failedPlugins plugins that did not start, named in the message as a likely cause
     * @throws HostFailure (exit 2) naming each missing type and its sources, the known types and the plugins folder
     */
    void requireTypes(StorageConfig config, List<String> failedPlugins) {
        Map<String, List<String>> missing = config.sources().stream()
                .filter(source -> !byType.containsKey(source.type()))
                .collect(Collectors.groupingBy(SourceConfig::type, LinkedHashMap::new,
                        Collectors.mapping(SourceConfig::name, Collectors.toList())));
        if (missing.isEmpty()) {
            return;
        }
        String what = missing.entrySet().stream()
                .map(entry -> "'" + entry.getKey() + "' (source " + String.join(", ", entry.getValue()) + ")")
                .collect(Collectors.joining(", "));
        String failed = failedPlugins.isEmpty() ? "" : "; plugins that failed to start: " + String.join(", ", failedPlugins);
        throw HostFailure.usage(String.format("No storage plugin provides type %s. Known types: %s, from plugins folder %s%s."
                        + " Put the plugin's zip in that folder (or pass --plugins DIR), or fix the source's type",
                what, byType.isEmpty() ? "none" : String.join(", ", byType.keySet()), pluginsDir, failed));
    }

    /** The provider of a type, wrapped so it opens stores with its plugin's class loader as context loader. */
    StoreProvider provider(String type) {
        StoreProvider provider = byType.get(type);
        if (provider == null) {
            throw new IllegalArgumentException("no provider for type " + type);
        }
        return new ContextClassLoaderProvider(provider);
    }

    /** Every provider, for the storage module (which sets the context class loader itself when it opens). */
    List<StoreProvider> providers() {
        return List.copyOf(byType.values());
    }
}
