package dev.chatstore.storage.spi;

import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One backend-owned key of a source's config table, declared by its {@link StoreProvider#configKeys()}. The config
 * layer checks every source against the keys of its type's provider: unknown keys (with a "did you mean" hint),
 * values of the wrong kind and missing required keys are reported together with every other problem of the file,
 * each naming the source. Immutable.
 *
 * @param name         dash-case key, for example {@code path} or {@code password-env}; not one of the common keys
 *                     ({@code type}, {@code readonly}, {@code pool-size}, {@code timeout})
 * @param kind         how the value is checked and converted
 * @param required     whether a source of this type must set it
 * @param defaultValue the value used when an optional key is absent, of {@link ConfigKeyKind#javaType()}, or null
 *                     for none (the key is then absent from the options); always null for a required key
 * @param description  one line for operators ("the SQLite database file, or \":memory:\""); non-blank
 * @param literals     for {@link ConfigKeyKind#PATH}: values kept exactly as written instead of being resolved
 *                     (SQLite's {@code ":memory:"}); empty for other kinds
 */
public record ConfigKey(String name, ConfigKeyKind kind, boolean required, Object defaultValue, String description,
                        List<String> literals) {
    /** The keys every source has; a backend may not declare them. */
    public static final List<String> COMMON_KEYS = List.of("readonly", "pool-size", "timeout", "type");

    private static final Pattern DASH_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public ConfigKey {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(description, "description is null");
        requireNonNull(literals, "literals is null");
        literals = List.copyOf(literals);
        if (!DASH_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("config key '" + name + "' is not dash-case (like 'password-env')");
        }
        if (COMMON_KEYS.contains(name)) {
            throw new IllegalArgumentException("config key '" + name + "' is a common key; backends cannot declare it");
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("config key '" + name + "' needs a description");
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("config key '" + name + "' is required, so it has no default");
        }
        if (defaultValue != null && !kind.javaType().isInstance(defaultValue)) {
            throw new IllegalArgumentException("config key '" + name + "' of kind " + kind + " needs a default of type "
                    + kind.javaType().getSimpleName() + ", got " + defaultValue.getClass().getSimpleName());
        }
        if (!literals.isEmpty() && kind != ConfigKeyKind.PATH) {
            throw new IllegalArgumentException("config key '" + name + "': literals are for PATH keys only");
        }
    }

    /** A key every source of the type must set. */
    public static ConfigKey required(String name, ConfigKeyKind kind, String description) {
        return new ConfigKey(name, kind, true, null, description, List.of());
    }

    /** An optional key; {@code defaultValue} (or null for none) is used when a source does not set it. */
    public static ConfigKey optional(String name, ConfigKeyKind kind, Object defaultValue, String description) {
        return new ConfigKey(name, kind, false, defaultValue, description, List.of());
    }

    /** This {@link ConfigKeyKind#PATH} key, keeping {@code values} as written instead of resolving them. */
    public ConfigKey withLiterals(String... values) {
        return new ConfigKey(name, kind, required, defaultValue, description, List.of(values));
    }
}
