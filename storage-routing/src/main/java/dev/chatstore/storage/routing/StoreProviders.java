package dev.chatstore.storage.routing;

import dev.chatstore.storage.config.SourceKeys;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreProvider;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The loaded {@link StoreProvider}s by backend type: the one place that checks types (a type provided twice, a
 * configured type no provider declares) and the one place that opens a source (with the provider's class loader as
 * the thread's context class loader). Used by the storage chain, the host's start-up and its source probe alike.
 * Immutable and thread-safe.
 */
public final class StoreProviders {
    private final Map<String, StoreProvider> byType;
    private final String whereFrom;

    private StoreProviders(Map<String, StoreProvider> byType, String whereFrom) {
        this.byType = byType;
        this.whereFrom = whereFrom;
    }

    /** Indexes providers found on the class path or handed in by code. */
    public static StoreProviders of(Collection<? extends StoreProvider> providers) {
        return of(providers, provider -> provider.getClass().getName() + " (loaded by "
                + provider.getClass().getClassLoader() + ")", "");
    }

    /**
     * Indexes providers by {@link StoreProvider#type()}.
     *
     * @param origin    names where a provider came from, for the duplicate-type message
     * @param whereFrom appended to the known types in messages, for example {@code ", from plugins folder /x"}
     * @throws StorageException if two providers declare the same type, naming both
     */
    public static StoreProviders of(Collection<? extends StoreProvider> providers,
            Function<StoreProvider, String> origin, String whereFrom) {
        requireNonNull(providers, "providers is null");
        Map<String, StoreProvider> byType = new LinkedHashMap<>();
        for (StoreProvider provider : providers) {
            requireNonNull(provider, "providers has a null element");
            String type = requireNonNull(provider.type(), () -> provider.getClass().getName() + ".type() is null");
            StoreProvider previous = byType.putIfAbsent(type, provider);
            if (previous != null) {
                throw new StorageException(String.format("Storage type '%s' is provided twice, by %s and by %s%s: "
                        + "remove one of the two plugins", type, origin.apply(previous), origin.apply(provider),
                        whereFrom));
            }
        }
        return new StoreProviders(Map.copyOf(byType), requireNonNull(whereFrom, "whereFrom is null"));
    }

    /** The known types, sorted. */
    public List<String> types() {
        return byType.keySet().stream().sorted().toList();
    }

    /** Every provider. */
    public List<StoreProvider> providers() {
        return List.copyOf(byType.values());
    }

    /**
     * Checks that every source's type has a provider.
     *
     * @param advice appended to the message, for example the plugins that failed to start
     * @throws StorageException naming each missing type and its sources, and the known types
     */
    public void requireTypes(StorageConfig config, String advice) {
        Map<String, List<String>> missing = config.sources().stream()
                .filter(source -> !byType.containsKey(source.type()))
                .collect(Collectors.groupingBy(SourceConfig::type, LinkedHashMap::new,
                        Collectors.mapping(SourceConfig::name, Collectors.toList())));
        if (missing.isEmpty()) {
            return;
        }
        throw new StorageException(missingTypes(missing) + advice);
    }

    /**
     * The keys the providers declare, for reading a config; a type no provider declares is reported there with the
     * config's other problems, in this class's words.
     */
    public SourceKeys keys() {
        return SourceKeys.strict(providers(), this::missingTypes);
    }

    private String missingTypes(Map<String, List<String>> sourcesByType) {
        String what = sourcesByType.entrySet().stream()
                .map(entry -> "'" + entry.getKey() + "' (source " + String.join(", ", entry.getValue()) + ")")
                .collect(Collectors.joining(", "));
        return String.format("No storage plugin provides type %s. Known types: %s%s. Install the storage plugin of "
                + "that type, or fix the source's type", what, byType.isEmpty() ? "none" : String.join(", ", types()),
                whereFrom);
    }

    /**
     * Opens one source with its type's provider, with that provider's class loader as the context class loader.
     *
     * @throws StorageException if no provider has the source's type, or the provider returned null; whatever the
     *                          provider throws, as thrown
     */
    public ChatStore open(SourceConfig source) {
        StoreProvider provider = byType.get(source.type());
        if (provider == null) {
            requireTypes(new StorageConfig(source.name(), List.of(source), Map.of(),
                    dev.chatstore.storage.spi.OnSourceFailure.SKIP), "");
        }
        try (ContextClassLoader ignored = ContextClassLoader.of(provider)) {
            ChatStore store = provider.open(source);
            if (store == null) {
                throw new StorageException("StoreProvider " + provider.getClass().getName() + " of type '"
                        + provider.type() + "' returned null for source '" + source.name() + "' ("
                        + source.location() + "); a provider must return an open store or throw");
            }
            return store;
        }
    }
}
