package dev.chatstore.storage.spi;

/**
 * Operator view of one open source: an optional capability of the {@link ChatStore} a {@link StoreProvider}
 * returns (check with {@code instanceof}). Thread-safe.
 */
public interface StoreAdmin {
    /**
     * A snapshot of the source's state. Never throws for an unhealthy source: it reports
     * {@code healthy = false} with the cause in {@link SourceStatus#detail()}.
     */
    SourceStatus status();

    /**
     * Brings a writable source to the newest schema this build knows (a no-op when it is there already), creating
     * a missing database; checks a readonly source without changing it. The same step runs by itself before a
     * writable source's first write.
     *
     * @return the schema version before and after, and whether anything changed
     * @throws StorageException if a step fails (that step is rolled back) or the schema is not supported
     */
    MigrationResult migrate();
}
