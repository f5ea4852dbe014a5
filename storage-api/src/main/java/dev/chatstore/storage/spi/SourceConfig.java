package dev.chatstore.storage.spi;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * One configured source: the {@code [database.sources.NAME]} table of the TOML config.
 *
 * @param name     source name: letters, digits, {@code _} and {@code -}
 * @param path     absolute file path (relative paths are resolved by the config loader against the config
 *                 file's folder), or {@code ":memory:"}
 * @param readonly whether writes are refused and the file opened read-only
 * @param poolSize the most connections the source opens at once (1..64)
 * @param timeout  how long a call waits for a connection or a lock, and the bound on this source's share
 *                 of a fan-out read; positive
 * @param type     which {@link StoreProvider} opens the source, {@code "sqlite"} by default
 */
public record SourceConfig(String name, String path, boolean readonly, int poolSize, Duration timeout, String type) {
    public static final String MEMORY_PATH = ":memory:";
    public static final int DEFAULT_POOL_SIZE = 5;
    public static final int MAX_POOL_SIZE = 64;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final String DEFAULT_TYPE = "sqlite";

    public SourceConfig {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(type, "type is null");
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("poolSize must be 1.." + MAX_POOL_SIZE + ", was " + poolSize);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** A writable SQLite source with the default pool size and timeout. */
    public static SourceConfig of(String name, String path) {
        return new SourceConfig(name, path, false, DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT, DEFAULT_TYPE);
    }

    /** Whether this source is a private in-memory database (one per source, gone when the source closes). */
    public boolean isMemory() {
        return MEMORY_PATH.equals(path);
    }

    public SourceConfig withReadonly(boolean readonly) {
        return new SourceConfig(name, path, readonly, poolSize, timeout, type);
    }

    public SourceConfig withPoolSize(int poolSize) {
        return new SourceConfig(name, path, readonly, poolSize, timeout, type);
    }

    public SourceConfig withTimeout(Duration timeout) {
        return new SourceConfig(name, path, readonly, poolSize, timeout, type);
    }

    public SourceConfig withType(String type) {
        return new SourceConfig(name, path, readonly, poolSize, timeout, type);
    }
}
