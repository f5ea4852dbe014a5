package dev.chatstore.storage.spi;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one {@code [database.sources.NAME]} table (or its map form) into a {@link SourceConfig}. */
final class SourceParser {
    static final List<String> SOURCE_KEYS = List.of("path", "readonly", "pool-size", "timeout", "type");

    // SQLite's busy timeout is an int of milliseconds; a day stays far inside it and inside any sane wait.
    static final double MAX_TIMEOUT_SECONDS = 86_400;
    static final double MIN_TIMEOUT_SECONDS = 0.001;

    private SourceParser() {
    }

    /** The source, or empty when it had problems (each added to {@code problems}). */
    static Optional<SourceConfig> parse(String name, Map<?, ?> fields, Path baseDir, ConfigProblems problems) {
        ConfigProblems own = new ConfigProblems();
        String path = null;
        boolean readonly = false;
        int poolSize = SourceConfig.DEFAULT_POOL_SIZE;
        Duration timeout = SourceConfig.DEFAULT_TIMEOUT;
        String type = SourceConfig.DEFAULT_TYPE;
        boolean hasPath = false;
        for (Map.Entry<?, ?> entry : fields.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            switch (key) {
                case "path" -> {
                    hasPath = true;
                    path = path(name, value, baseDir, own);
                }
                case "readonly" -> {
                    if (value instanceof Boolean flag) {
                        readonly = flag;
                    }
                    else {
                        own.add("Source '%s': 'readonly' must be true or false, got %s", name, ConfigProblems.describe(value));
                    }
                }
                case "pool-size" -> poolSize = poolSize(name, value, own);
                case "timeout" -> timeout = timeout(name, value, own);
                case "type" -> {
                    if (value instanceof String text && !text.isBlank()) {
                        type = text;
                    }
                    else {
                        own.add("Source '%s': 'type' must be the name of a storage provider, such as \"sqlite\", got %s",
                                name, ConfigProblems.describe(value));
                    }
                }
                default -> own.add("Source '%s': unknown key '%s'%s", name, key, ConfigProblems.unknownKeyHint(key, SOURCE_KEYS));
            }
        }
        if (!hasPath) {
            own.add("Source '%s' missing required 'path' field", name);
        }
        if (!own.isEmpty()) {
            own.copyTo(problems);
            return Optional.empty();
        }
        return Optional.of(new SourceConfig(name, path, readonly, poolSize, timeout, type));
    }

    /** {@code path} made absolute against {@code baseDir}; {@code ":memory:"} is kept as it is. */
    static String resolvePath(String path, Path baseDir) {
        if (SourceConfig.MEMORY_PATH.equals(path)) {
            return path;
        }
        return baseDir.resolve(path).toAbsolutePath().normalize().toString();
    }

    private static String path(String name, Object value, Path baseDir, ConfigProblems problems) {
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add("Source '%s': 'path' must be a file path or \":memory:\", got %s", name, ConfigProblems.describe(value));
            return null;
        }
        try {
            return resolvePath(text, baseDir);
        }
        catch (InvalidPathException e) {
            problems.add("Source '%s': 'path' %s is not a valid file path: %s", name, ConfigProblems.describe(value), e.getReason());
            return null;
        }
    }

    private static int poolSize(String name, Object value, ConfigProblems problems) {
        Long size = integral(value);
        if (size == null || size < 1 || size > SourceConfig.MAX_POOL_SIZE) {
            problems.add("Source '%s': 'pool-size' must be an integer from 1 to %d, got %s",
                    name, SourceConfig.MAX_POOL_SIZE, ConfigProblems.describe(value));
            return SourceConfig.DEFAULT_POOL_SIZE;
        }
        return size.intValue();
    }

    private static Duration timeout(String name, Object value, ConfigProblems problems) {
        Duration timeout = toDuration(value);
        if (timeout == null || timeout.compareTo(Duration.ofMillis(1)) < 0
                || timeout.compareTo(Duration.ofSeconds((long) MAX_TIMEOUT_SECONDS)) > 0) {
            problems.add("Source '%s': 'timeout' must be a number of seconds from %s to %d, got %s",
                    name, MIN_TIMEOUT_SECONDS, (long) MAX_TIMEOUT_SECONDS, ConfigProblems.describe(value));
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
    private static Long integral(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? big.longValue() : (big.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        return null;
    }
}
