package dev.chatstore.storage.spi;

import java.util.OptionalInt;

/**
 * Operator view of one open source: an optional capability of the {@link ChatStore} a {@link StoreProvider}
 * returns (check with {@code instanceof}). A store without it still works everywhere: the host lists it from its
 * config (health "ok" when it answers a read) and {@code migrate} reports "no schema migrations". Thread-safe.
 */
public interface StoreAdmin {
    /**
     * A snapshot of the source's state, at constant cost whatever the source's size: a liveness query and the
     * backend's own cheap checks. It is what {@code GET /health} and {@code sources} call, so it must not count or
     * scan tables: {@link SourceStatus#chats()} and {@link SourceStatus#messages()} are -1 unless the backend keeps
     * them up to date by itself. Never throws for an unhealthy source: it reports {@code healthy = false} with the
     * cause in {@link SourceStatus#detail()}.
     */
    SourceStatus status();

    /**
     * {@link #status()} with exact {@link SourceStatus#chats()} and {@link SourceStatus#messages()}, for an operator
     * who asks ({@code sources --count}); may take time linear in the source's size. The default is
     * {@link #status()}, for a backend whose status already carries its counts.
     */
    default SourceStatus statusWithCounts() {
        return status();
    }

    /**
     * Upkeep of the source on an operator's request ({@code maintain}): see {@link MaintenanceRequest}. Runs beside
     * the source's other calls (readers keep reading; writers may wait for a checkpoint). The default refuses: a
     * backend without upkeep steps says so.
     *
     * @throws ReadOnlySourceException if a write step (checkpoint, analyze) is asked of a readonly source
     * @throws StorageException        if a step fails, naming the source and the step; the steps before it stay done
     */
    default MaintenanceResult maintain(MaintenanceRequest request, MaintenanceListener listener) {
        throw new StorageException(String.format("Source '%s': its storage type has no maintenance steps",
                status().sourceName()));
    }

    /**
     * Brings a writable source to the newest schema this build knows (a no-op when it is there already), creating
     * a missing database; checks a readonly source without changing it. The same step runs by itself before a
     * writable source's first write.
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
