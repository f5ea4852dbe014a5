package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.ConfigKeyKind;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfigException;
import org.sqlite.SQLiteConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite source's own settings: {@code cache-size}, SQLite's page cache per connection, {@code mmap-size}, how
 * much of the file reads map into memory, and {@code synchronous}, when a commit is on disk. Declared as the
 * provider's own config keys (the config layer checks their kind) and checked here at open. The sizes apply to every
 * connection of the source, {@code synchronous} to those of a writable file ({@link SqlitePool#dataSource}).
 */
final class SqliteTuning {
    static final String CACHE_SIZE_KEY = "cache-size";
    static final String MMAP_SIZE_KEY = "mmap-size";
    static final String SYNCHRONOUS_KEY = "synchronous";
    static final String NORMAL = "normal";
    static final String FULL = "full";
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
    /**
     * NORMAL by default: in WAL mode a commit then survives a crash of the process but not a power loss, and costs
     * no sync. FULL syncs the WAL at every commit; that is what makes group commit pay (a webhook's concurrent
     * updates share one sync), and what a bot that acknowledges updates to Telegram may want.
     */
    static final ConfigKey SYNCHRONOUS = ConfigKey.optional(SYNCHRONOUS_KEY, ConfigKeyKind.STRING, NORMAL,
            "when a commit is on disk (SQLite synchronous): \"normal\" survives a crash of the process, \"full\" "
                    + "also a power loss, at the cost of a sync per commit");

    private SqliteTuning() {
    }

    static long cacheKib(SourceConfig source) {
        return source.option(CACHE_SIZE_KEY, Long.class).orElse(DEFAULT_CACHE_KIB);
    }

    static long mmapBytes(SourceConfig source) {
        return source.option(MMAP_SIZE_KEY, Long.class).orElse(0L);
    }

    static SQLiteConfig.SynchronousMode synchronous(SourceConfig source) {
        return FULL.equals(synchronousValue(source)) ? SQLiteConfig.SynchronousMode.FULL
                : SQLiteConfig.SynchronousMode.NORMAL;
    }

    private static String synchronousValue(SourceConfig source) {
        return source.option(SYNCHRONOUS_KEY, String.class).orElse(NORMAL);
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
        String synchronous = synchronousValue(source);
        if (!NORMAL.equals(synchronous) && !FULL.equals(synchronous)) {
            problems.add(String.format("Source '%s': '%s' must be \"%s\" or \"%s\", got \"%s\"", source.name(),
                    SYNCHRONOUS_KEY, NORMAL, FULL, synchronous));
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
