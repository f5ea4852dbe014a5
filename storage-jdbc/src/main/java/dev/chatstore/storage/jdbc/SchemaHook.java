package dev.chatstore.storage.jdbc;

/**
 * Brings a writable source's schema current before its first write. Opening a source changes nothing ("reading
 * changes nothing"); the first write (or {@code StoreAdmin.migrate}) runs this once. Called with no other write of
 * this source in flight from this process; may use {@link JdbcSource#exclusive}. If it throws, the write fails with
 * that failure and the next write tries again.
 */
@FunctionalInterface
public interface SchemaHook {
    /** The hook of a backend whose schema needs no work (or a readonly source). */
    SchemaHook NONE = source -> { };

    void beforeFirstWrite(JdbcSource source);
}
