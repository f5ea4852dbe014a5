package dev.chatstore.storage.config;

import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.ConfigKeyKind;
import dev.chatstore.storage.spi.SourceConfig;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one {@code [database.sources.NAME]} table into a {@link SourceConfig}: the common keys here, the backend's
 * own keys as its provider declared them ({@link SourceKeys}). Only converts text to values and collects problems;
 * the ranges are the record's (its constants name them).
 */
final class SourceReader {
    private static final double MAX_TIMEOUT_SECONDS = SourceConfig.MAX_TIMEOUT.toSeconds();
    private static final double MIN_TIMEOUT_SECONDS = SourceConfig.MIN_TIMEOUT.toMillis() / 1000.0;

    private SourceReader() {
    }

    /** The source, or empty when it had problems (each added to {@code problems}). */
    static Optional<SourceConfig> read(String name, Map<?, ?> fields, Path baseDir, SourceKeys keys, Problems problems) {
        Problems own = new Problems();
        String type = SourceConfig.DEFAULT_TYPE;
        Object typeValue = fields.get("type");
        if (typeValue != null) {
            if (typeValue instanceof String text && !text.isBlank()) {
                type = text;
            } else {
                own.add("Source '%s': 'type' must be the name of a storage provider, such as \"sqlite\", got %s",
                        name, Problems.describe(typeValue));
            }
        }
        Optional<List<ConfigKey>> declared = keys.keys(type);
        List<String> known = new ArrayList<>(ConfigKey.COMMON_KEYS);
        declared.ifPresent(list -> known.addAll(0, list.stream().map(ConfigKey::name).toList()));
        boolean readonly = false;
        int poolSize = SourceConfig.DEFAULT_POOL_SIZE;
        Duration timeout = SourceConfig.DEFAULT_TIMEOUT;
        Map<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : fields.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            switch (key) {
                case "type" -> {
                    // read above: the type decides which backend keys are known
                }
                case "readonly" -> {
                    if (value instanceof Boolean flag) {
                        readonly = flag;
                    } else {
                        own.add("Source '%s': 'readonly' must be true or false, got %s", name, Problems.describe(value));
                    }
                }
                case "pool-size" -> poolSize = poolSize(name, value, own);
                case "timeout" -> timeout = timeout(name, value, own);
                default -> {
                    if (declared.isEmpty()) {
                        // No provider of this type: its keys cannot be checked; the type check reports the source.
                        if (value instanceof String || value instanceof Long || value instanceof Double
                                || value instanceof Boolean) {
                            options.put(key, value);
                        }
                        continue;
                    }
                    Optional<ConfigKey> match = declared.get().stream().filter(k -> k.name().equals(key)).findFirst();
                    if (match.isEmpty()) {
                        own.add("Source '%s': unknown key '%s'%s", name, key, KeyHints.unknownKeyHint(key, known));
                    } else {
                        OptionValues.convert(name, match.get(), value, baseDir, own).ifPresent(v -> options.put(key, v));
                    }
                }
            }
        }
        declared.ifPresent(list -> {
            for (ConfigKey key : list) {
                if (fields.containsKey(key.name())) {
                    continue;
                }
                if (key.required()) {
                    own.add("Source '%s' missing required '%s' field", name, key.name());
                } else if (key.defaultValue() != null) {
                    options.put(key.name(), key.defaultValue());
                }
            }
        });
        if (!own.isEmpty()) {
            problems.addAll(own.list());
            return Optional.empty();
        }
        try {
            return Optional.of(new SourceConfig(name, type, readonly, poolSize, timeout, options));
        } catch (IllegalArgumentException e) {
            problems.add("Source '%s': %s", name, e.getMessage());
            return Optional.empty();
        }
    }

    private static int poolSize(String name, Object value, Problems problems) {
        Long size = integral(value);
        if (size == null || size < 1 || size > SourceConfig.MAX_POOL_SIZE) {
            problems.add("Source '%s': 'pool-size' must be an integer from 1 to %d, got %s",
                    name, SourceConfig.MAX_POOL_SIZE, Problems.describe(value));
            return SourceConfig.DEFAULT_POOL_SIZE;
        }
        return size.intValue();
    }

    private static Duration timeout(String name, Object value, Problems problems) {
        Duration timeout = toDuration(value);
        if (timeout == null || timeout.compareTo(SourceConfig.MIN_TIMEOUT) < 0
                || timeout.compareTo(SourceConfig.MAX_TIMEOUT) > 0) {
            problems.add("Source '%s': 'timeout' must be a number of seconds from %s to %d, got %s",
                    name, MIN_TIMEOUT_SECONDS, (long) MAX_TIMEOUT_SECONDS, Problems.describe(value));
            return SourceConfig.DEFAULT_TIMEOUT;
        }
        return timeout;
    }

    /** Seconds (integer or fraction) or a Duration; null for anything else or beyond any valid timeout. */
    private static Duration toDuration(Object value) {
        if (value instanceof Duration duration) {
            return duration;
        }
        Long whole = integral(value);
        if (whole != null) {
            return Math.abs((double) whole) <= MAX_TIMEOUT_SECONDS ? Duration.ofSeconds(whole) : null;
        }
        if (value instanceof Number number) {
            double seconds = number.doubleValue();
            // Written so NaN and infinities fail too; the bound keeps the nanosecond count inside a long.
            return Math.abs(seconds) <= MAX_TIMEOUT_SECONDS ? Duration.ofNanos(Math.round(seconds * 1_000_000_000d)) : null;
        }
        return null;
    }

    /** The value of an integer type, or null; a BigInteger beyond long gives a value past every range. */
    static Long integral(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? big.longValue() : (big.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        return null;
    }

    /** {@code path} made absolute against {@code baseDir}. */
    static String resolvePath(String path, Path baseDir) throws InvalidPathException {
        return baseDir.resolve(path).toAbsolutePath().normalize().toString();
    }

    /** Checks and converts one backend value by its declared kind. */
    static final class OptionValues {
        private OptionValues() {
        }

        static Optional<Object> convert(String source, ConfigKey key, Object value, Path baseDir, Problems problems) {
            ConfigKeyKind kind = key.kind();
            // A secret's value is never echoed, not even when it is wrong.
            String shown = kind == ConfigKeyKind.SECRET ? "a value of another kind" : Problems.describe(value);
            switch (kind) {
                case STRING, SECRET, URL, PATH -> {
                    if (!(value instanceof String text) || text.isBlank()) {
                        problems.add("Source '%s': '%s' must be %s, got %s", source, key.name(), expected(key), shown);
                        return Optional.empty();
                    }
                    if (kind != ConfigKeyKind.PATH || key.literals().contains(text)) {
                        return Optional.of(text);
                    }
                    try {
                        return Optional.of(resolvePath(text, baseDir));
                    } catch (InvalidPathException e) {
                        problems.add("Source '%s': '%s' %s is not a valid file path: %s", source, key.name(),
                                Problems.describe(value), e.getReason());
                        return Optional.empty();
                    }
                }
                case INTEGER -> {
                    Long number = integral(value);
                    if (number == null || number == Long.MAX_VALUE || number == Long.MIN_VALUE) {
                        problems.add("Source '%s': '%s' must be an integer, got %s", source, key.name(), shown);
                        return Optional.empty();
                    }
                    return Optional.of(number);
                }
                case DECIMAL -> {
                    if (value instanceof Number number && !(value instanceof BigInteger)
                            && Double.isFinite(number.doubleValue())) {
                        return Optional.of(number.doubleValue());
                    }
                    problems.add("Source '%s': '%s' must be a number, got %s", source, key.name(), shown);
                    return Optional.empty();
                }
                case BOOLEAN -> {
                    if (value instanceof Boolean flag) {
                        return Optional.of(flag);
                    }
                    problems.add("Source '%s': '%s' must be true or false, got %s", source, key.name(), shown);
                    return Optional.empty();
                }
                default -> throw new IllegalStateException("unknown kind " + kind);
            }
        }

        private static String expected(ConfigKey key) {
            return switch (key.kind()) {
                case PATH -> "a file path" + (key.literals().isEmpty() ? ""
                        : " or " + String.join(" or ", key.literals().stream().map(l -> "\"" + l + "\"").toList()));
                case URL -> "a URL (" + key.description() + ")";
                default -> "text (" + key.description() + ")";
            };
        }
    }
}
