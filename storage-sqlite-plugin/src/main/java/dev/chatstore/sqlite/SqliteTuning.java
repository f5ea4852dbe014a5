package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.ConfigKeyKind;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfigException;
import org.sqlite.SQLiteConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite source's memory settings: {@code cache-size}, SQLite's page cache per connection, and
 * {@code mmap-size}, how much of the file reads map into memory. Declared as the provider's own config keys (the
 * config layer checks their kind), range-checked here at open, applied to every connection of the source.
 */
final class SqliteTuning {
    static final String CACHE_SIZE_KEY = "cache-size";
    static final String MMAP_SIZE_KEY = "mmap-size";
    /**
     * 16 MiB per connection: issue 19 measured the page cache as the floor's main lever on big files (+21% at
     * 128 MiB on a 1M-message ingest), and the pool's default 5 connections then stay within the 300 MB RSS budget
     * even when every cache fills (SQLite's own default is 2,000 KiB).
     */
    static final long DEFAULT_CACHE_KIB = 16_384;
    static final long MAX_CACHE_KIB = 4L * 1024 * 1024;
    static final long MAX_MMAP_BYTES = 1L << 40;
    static final ConfigKey CACHE_SIZE = ConfigKey.optional(CACHE_SIZE_KEY, ConfigKeyKind.INTEGER, DEFAULT_CACHE_KIB,
            "page cache per connection in KiB (SQLite cache_size), 0 for SQLite's default of 2,000 KiB; at most "
                    + MAX_CACHE_KIB);
    static final ConfigKey MMAP_SIZE = ConfigKey.optional(MMAP_SIZE_KEY, ConfigKeyKind.INTEGER, 0L,
            "bytes of the file reads may map into memory (SQLite mmap_size), 0 for none; at most 2^40");

    private SqliteTuning() {
    }

    static long cacheKib(SourceConfig source) {
        return source.option(CACHE_SIZE_KEY, Long.class).orElse(DEFAULT_CACHE_KIB);
    }

    static long mmapBytes(SourceConfig source) {
        return source.option(MMAP_SIZE_KEY, Long.class).orElse(0L);
    }

    /** @throws StorageConfigException naming the source and each key out of range */
    static void check(SourceConfig source) {
        List<String> problems = new ArrayList<>();
        long cache = cacheKib(source);
        if (cache < 0 || cache > MAX_CACHE_KIB) {
            problems.add(String.format("Source '%s': '%s' must be between 0 and %d (KiB per connection), got %d",
                    source.name(), CACHE_SIZE_KEY, MAX_CACHE_KIB, cache));
        }
        long mmap = mmapBytes(source);
        if (mmap < 0 || mmap > MAX_MMAP_BYTES) {
            problems.add(String.format("Source '%s': '%s' must be between 0 and %d (bytes), got %d", source.name(),
                    MMAP_SIZE_KEY, MAX_MMAP_BYTES, mmap));
        }
        if (!problems.isEmpty()) {
            throw new StorageConfigException(problems);
        }
    }

    static void apply(SourceConfig source, SQLiteConfig config) {
        long cache = cacheKib(source);
        if (cache > 0) {
            config.setCacheSize((int) -cache); // negative: KiB rather than pages
        }
        long mmap = mmapBytes(source);
        if (mmap > 0) {
            config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(mmap));
        }
    }
}
