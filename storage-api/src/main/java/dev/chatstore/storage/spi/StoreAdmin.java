package dev.chatstore.storage.spi;

import java.util.OptionalInt;

/**
 * Operator view of one open source: an optional capability of the {@link ChatStore} a {@link StoreProvider}
 * returns (check with {@code instanceof}). A store without it still works everywhere: the host lists it from its
 * config (health "ok" when it answers a read) and {@code migrate} reports "no schema migrations". Thread-safe.
 */
public interface StoreAdmin {
    /**
     * A snapshot of the source's state. Never throws for an unhealthy source: it reports
     * {@code healthy = false} with the cause in {@link SourceStatus#detail()}.
     */
    SourceStatus status();

    /**
     * Brings a writable source to the newest schema this build knows (a no-op when it is there already);
     * checks a readonly source without changing it.
     *
     * @return the schema version before and after, and whether anything changed
     * @throws StorageException if a step fails (that step is rolled back) or the schema is not supported
     * @throws StorageClosedException after {@link ChatStore#close()}
     */
    MigrationResult migrate();

    /**
     * The most connections this store opens at once, when it may differ from the configured {@code pool-size} (an
     * in-memory SQLite source uses 1). Fan-out sizes its threads by it. Cheap; never touches the database.
     *
     * @return the effective pool size, or empty to mean the configured one
     */
    default OptionalInt poolSize() {
        return OptionalInt.empty();
    }
}
