package dev.chatstore.storage.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One configured source: the {@code [database.sources.NAME]} table of the TOML config. The common keys are
 * components checked here; every other key belongs to the backend, was declared by its provider's
 * {@link StoreProvider#configKeys()}, and arrives in {@link #options()} already checked and converted by the config
 * layer (path-kind values absolute, defaults filled in). Immutable and thread-safe.
 *
 * @param name     source name: letters, digits, {@code _} and {@code -}
 * @param type     which {@link StoreProvider} opens the source, {@code "sqlite"} by default; non-blank
 * @param readonly whether writes are refused (and the backend opens the source read-only underneath)
 * @param poolSize the most connections the source opens at once (1..64); a backend may use fewer (an in-memory
 *                 SQLite source uses 1) and reports the effective size in {@link SourceStatus#poolSize()}
 * @param timeout  how long a call waits for a connection or a lock, and the bound on this source's share of a
 *                 fan-out read; from 1 ms to one day
 * @param options  the backend's own keys, in config order: values are {@code String}, {@code Long},
 *                 {@code Double} or {@code Boolean} (see {@link ConfigKeyKind#javaType()}); copied, unmodifiable
 * @throws IllegalArgumentException if a value breaks the ranges above
 */
public record SourceConfig(String name, String type, boolean readonly, int poolSize, Duration timeout,
                           Map<String, Object> options) {
    public static final int DEFAULT_POOL_SIZE = 5;
    public static final int MAX_POOL_SIZE = 64;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    /** SQLite's busy timeout is an int of milliseconds; a day stays far inside it and inside any sane wait. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);
    public static final String DEFAULT_TYPE = "sqlite";
    /** The SQLite backend's file key, used by {@link #of(String, String)} and the single-file form. */
    public static final String PATH_KEY = "path";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    public SourceConfig {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(options, "options is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("source name '" + name + "' is invalid: use only letters, digits, '_' and '-'");
        }
        if (type.isBlank()) {
            throw new IllegalArgumentException("source '" + name + "': type is blank");
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("source '" + name + "': poolSize must be 1.." + MAX_POOL_SIZE + ", was " + poolSize);
        }
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("source '" + name + "': timeout must be from 1 ms to 1 day, was " + timeout);
        }
        options = copy(name, options);
    }

    /** A writable SQLite source with the default pool size and timeout; {@code path} absolute or {@code ":memory:"}. */
    public static SourceConfig of(String name, String path) {
        requireNonNull(path, "path is null");
        return new SourceConfig(name, DEFAULT_TYPE, false, DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT, Map.of(PATH_KEY, path));
    }

    /**
     * The value of a backend key.
     *
     * @return empty when the key is absent
     * @throws IllegalArgumentException if the value is not of {@code type}
     */
    public <T> Optional<T> option(String key, Class<T> type) {
        Object value = options.get(requireNonNull(key, "key is null"));
        if (value == null) {
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(String.format("source '%s': option '%s' is a %s, not a %s", name, key,
                    value.getClass().getSimpleName(), type.getSimpleName()));
        }
        return Optional.of(type.cast(value));
    }

    /**
     * The text value of a required backend key (the config layer guarantees required keys are present).
     *
     * @throws IllegalArgumentException if it is absent or not text
     */
    public String requireString(String key) {
        return option(key, String.class).orElseThrow(() -> new IllegalArgumentException(
                String.format("source '%s' has no option '%s'", name, key)));
    }

    /**
     * Where the source lives, for messages and listings: its {@code path} or {@code url} option, else its type.
     * Backends name their location key {@code path} or {@code url} so operators see it here. A {@code url} is shown
     * {@linkplain #withoutSecrets without} its query string and user info, which may carry a password.
     */
    public String location() {
        Object path = options.get(PATH_KEY);
        if (path != null) {
            return path.toString();
        }
        Object url = options.get("url");
        return url != null ? withoutSecrets(url.toString()) : type;
    }

    /**
     * {@code url} as it may be shown in listings, logs and errors: without its query string or fragment
     * ({@code ?user=bot&password=...}) and without user info ({@code //user:password@host}), the places a URL
     * carries credentials. {@code jdbc:postgresql://db:5432/bot?password=x} becomes
     * {@code jdbc:postgresql://db:5432/bot}.
     */
    public static String withoutSecrets(String url) {
        requireNonNull(url, "url is null");
        int end = url.length();
        for (char c : new char[]{'?', '#', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String shown = url.substring(0, end);
        int authority = shown.indexOf("//");
        if (authority >= 0) {
            int hostEnd = shown.indexOf('/', authority + 2);
            String host = hostEnd < 0 ? shown.substring(authority + 2) : shown.substring(authority + 2, hostEnd);
            int at = host.lastIndexOf('@');
            if (at >= 0) {
                shown = shown.substring(0, authority + 2) + host.substring(at + 1)
                        + (hostEnd < 0 ? "" : shown.substring(hostEnd));
            }
        }
        return shown;
    }

    public SourceConfig withReadonly(boolean readonly) {
        return new SourceConfig(name, type, readonly, poolSize, timeout, options);
    }

    public SourceConfig withPoolSize(int poolSize) {
        return new SourceConfig(name, type, readonly, poolSize, timeout, options);
    }

    public SourceConfig withTimeout(Duration timeout) {
        return new SourceConfig(name, type, readonly, poolSize, timeout, options);
    }

    public SourceConfig withType(String type) {
        return new SourceConfig(name, type, readonly, poolSize, timeout, options);
    }

    /** This source with one backend option set (replacing its value if present). */
    public SourceConfig withOption(String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(options);
        changed.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        return new SourceConfig(name, type, readonly, poolSize, timeout, changed);
    }

    /** Names the options but shows none of their values: one of them may be a secret. */
    @Override
    public String toString() {
        return "SourceConfig[name=" + name + ", type=" + type + ", readonly=" + readonly + ", poolSize=" + poolSize
                + ", timeout=" + timeout + ", options=" + options.keySet() + "]";
    }

    private static Map<String, Object> copy(String name, Map<String, Object> options) {
        Map<String, Object> copy = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            requireNonNull(key, "options has a null key");
            requireNonNull(value, () -> "option '" + key + "' of source '" + name + "' is null");
            if (!(value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean)) {
                throw new IllegalArgumentException(String.format("source '%s': option '%s' must be a String, Long, "
                        + "Double or Boolean, got %s", name, key, value.getClass().getName()));
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
