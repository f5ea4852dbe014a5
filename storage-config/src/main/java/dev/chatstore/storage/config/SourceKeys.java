package dev.chatstore.storage.config;

import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.StoreProvider;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The backend keys of each known storage type, as the providers declare them ({@link StoreProvider#configKeys()}):
 * what {@link StorageConfigReader} checks a source's own keys against. Immutable and thread-safe.
 *
 * <p>A source whose type is not listed here keeps its scalar keys unchecked. Unless the keys are {@link #strict},
 * opening it fails later, where storage-routing's {@code StoreProviders} checks types (it also makes the strict
 * keys, so both use its one wording).
 */
public final class SourceKeys {
    private final Map<String, List<ConfigKey>> byType;
    private final Function<Map<String, List<String>>, String> missingTypes;

    private SourceKeys(Map<String, List<ConfigKey>> byType, Function<Map<String, List<String>>, String> missingTypes) {
        this.byType = byType;
        this.missingTypes = missingTypes;
    }

    /**
     * The keys of each provider's type, and a configured type no provider declares is a config problem too,
     * reported with the others, in the words of {@code missingTypes} (given each missing type with its sources, in
     * config order). For the host, whose providers are all loaded before it reads the config.
     */
    public static SourceKeys strict(Collection<? extends StoreProvider> providers,
            Function<Map<String, List<String>>, String> missingTypes) {
        return new SourceKeys(of(providers).byType, requireNonNull(missingTypes, "missingTypes is null"));
    }

    /** The problem for the sources whose type no provider declares, or empty when not {@link #strict}. */
    Optional<String> missingTypes(Map<String, List<String>> sourcesByType) {
        return missingTypes == null || sourcesByType.isEmpty() ? Optional.empty()
                : Optional.of(missingTypes.apply(sourcesByType));
    }

    /** The keys of each provider's type. A type listed twice keeps its first provider's keys. */
    public static SourceKeys of(Collection<? extends StoreProvider> providers) {
        Map<String, List<ConfigKey>> byType = new LinkedHashMap<>();
        for (StoreProvider provider : requireNonNull(providers, "providers is null")) {
            byType.putIfAbsent(provider.type(), List.copyOf(provider.configKeys()));
        }
        return new SourceKeys(Map.copyOf(byType), null);
    }

    /** Keys given directly, for tests and tools that have no provider at hand. */
    public static SourceKeys of(Map<String, List<ConfigKey>> keysByType) {
        Map<String, List<ConfigKey>> copy = new LinkedHashMap<>();
        requireNonNull(keysByType, "keysByType is null").forEach((type, keys) -> copy.put(type, List.copyOf(keys)));
        return new SourceKeys(Map.copyOf(copy), null);
    }

    /** The declared keys of {@code type}, or empty for a type no provider declares. */
    public Optional<List<ConfigKey>> keys(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
