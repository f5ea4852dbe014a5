package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.StorageClosedException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What makes the in-memory tables a store: one read-write lock around every operation, the closed flag, the clock
 * and the name used in messages. Reads share the lock and writes hold it exclusively, so a write that spans tables
 * is atomic and no read sees half of it.
 */
final class StoreGuard {
    private final String description;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lock

    StoreGuard(String name, Clock clock) {
        this.description = "In-memory store '" + requireNonNull(name, "name is null") + "'";
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** For messages, for example {@code In-memory store 'archive'}. */
    String description() {
        return description;
    }

    /** The time stored in {@code created_at}/{@code updated_at}: the clock's instant cut to whole seconds. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The clock's instant as it is, for TTL cutoffs that are cut only after subtracting the TTL. */
    Instant instant() {
        return clock.instant();
    }

    <T> T read(String operation, Supplier<T> action) {
        lock.readLock().lock();
        try {
            ensureOpen(operation);
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(String operation, Supplier<T> action) {
        lock.writeLock().lock();
        try {
            ensureOpen(operation);
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    void write(String operation, Runnable action) {
        write(operation, () -> {
            action.run();
            return null;
        });
    }

    /** Waits for calls in flight, then refuses every later call. Idempotent. */
    void close() {
        lock.writeLock().lock();
        try {
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }

    private void ensureOpen(String operation) {
        if (closed) {
            throw new StorageClosedException(description, operation);
        }
    }
}
