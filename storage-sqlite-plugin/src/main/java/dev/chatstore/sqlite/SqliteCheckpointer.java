package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Checkpoints a writable file source's WAL on a thread of its own, so that writes do not. SQLite's automatic
 * checkpoint runs inside whichever commit crosses the threshold: that commit syncs the whole WAL and copies it back,
 * which took 45-55 ms at 8,000 pages (issue 18: the single-message path's spikes, one every 1,000 messages or so).
 * Here a daemon thread, started by the source's first write, looks at the {@code -wal} file at most every
 * {@value #INTERVAL_MS} ms while writes come in, and once it holds {@value #WAL_BYTES} bytes or more runs
 * {@code PRAGMA wal_checkpoint(PASSIVE)} on a pooled connection: it waits for no reader and no writer, and writers
 * go on appending meanwhile. The writers' own automatic checkpoint ({@link SqlitePool#WAL_AUTOCHECKPOINT_PAGES})
 * stays as the backstop for a WAL this thread cannot keep small (one huge transaction, a reader holding old pages).
 *
 * <p>A failed checkpoint loses nothing (the WAL keeps every commit); it is logged, and tried again at the next look.
 * {@code maintain}'s own checkpoint runs under {@link #exclusively}, so the two never meet (SQLite would answer the
 * second one "busy"). Thread-safe. {@link #close} stops the thread; the source's pool closes after it.
 */
final class SqliteCheckpointer implements AutoCloseable {
    /** About SQLite's default automatic checkpoint of 1,000 pages of 4 KiB. */
    static final long WAL_BYTES = 4L << 20;
    static final long INTERVAL_MS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);

    private final String sourceName;
    private final Path wal;
    private final ReentrantLock checkpointing = new ReentrantLock();
    // Set by a write, cleared by the thread before it looks: at most one wake-up per look, not one per write.
    private final AtomicBoolean written = new AtomicBoolean();
    private volatile JdbcSource source;
    private volatile Thread thread;
    private volatile boolean closed;
    private volatile long checkpoints;
    private boolean failing;

    /** @param file the source's database file; its WAL is the file next to it with {@code -wal} appended */
    SqliteCheckpointer(String sourceName, Path file) {
        this.sourceName = sourceName;
        this.wal = file.resolveSibling(file.getFileName() + "-wal");
    }

    /** The source whose pool the checkpoints use; set once, right after it is built. */
    void bind(JdbcSource source) {
        this.source = source;
    }

    /** Called before each write: wakes the thread (starting it on the first write) unless a look is pending. */
    void onWrite() {
        if (closed || written.get() || !written.compareAndSet(false, true)) {
            return;
        }
        Thread running = thread;
        if (running == null) {
            running = start();
            if (running == null) {
                return;
            }
        }
        LockSupport.unpark(running);
    }

    private synchronized Thread start() {
        if (thread == null && !closed) {
            Thread started = new Thread(this::run, "chatstore-sqlite-checkpoint-" + sourceName);
            // Daemon: a bot that exits without closing its storage is not held by it (SQLite recovers the WAL).
            started.setDaemon(true);
            started.start();
            thread = started;
        }
        return thread;
    }

    /** Runs {@code work} with no background checkpoint in flight (for {@code maintain}'s checkpoint). */
    <T> T exclusively(Supplier<T> work) {
        checkpointing.lock();
        try {
            return work.get();
        } finally {
            checkpointing.unlock();
        }
    }

    /** How many checkpoints this thread ran; for tests. */
    long checkpoints() {
        return checkpoints;
    }

    private void run() {
        while (!closed) {
            if (!written.get()) {
                LockSupport.park(this);
                continue;
            }
            // Let the write that woke the thread (and those right behind it) commit before looking; this is also
            // what bounds the looks to one per interval.
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
            written.set(false);
            if (!closed && walBytes() >= WAL_BYTES) {
                checkpoint();
            }
        }
    }

    private long walBytes() {
        try {
            return Files.size(wal);
        } catch (IOException e) {
            // No WAL yet (or not readable): nothing to do here; the writers' own checkpoint still runs.
            return 0;
        }
    }

    private void checkpoint() {
        JdbcSource bound = source;
        if (bound == null || bound.isClosed()) {
            return;
        }
        checkpointing.lock();
        try {
            bound.read(s -> {
                try (Statement statement = s.connection().createStatement();
                     ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                    return row.next();
                }
            });
            checkpoints++;
            if (failing) {
                failing = false;
                LOG.info("Source {}: background WAL checkpoints work again", sourceName);
            }
        } catch (RuntimeException e) {
            if (closed || bound.isClosed()) {
                return;
            }
            // Nothing is lost: the WAL holds every commit, and the writers' own checkpoint still runs. Said once
            // per failing spell, not at every look.
            if (!failing) {
                failing = true;
                LOG.warn("Source {}: a background WAL checkpoint failed; trying again as writes come in (writes "
                        + "go on, and checkpoint at commit as SQLite does): {}", sourceName, e.toString());
            } else {
                LOG.debug("Source {}: background WAL checkpoint failed again: {}", sourceName, e.toString());
            }
        } finally {
            checkpointing.unlock();
        }
    }

    /** Stops the thread, after the checkpoint it may be running. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            return;
        }
        LockSupport.unpark(running);
        boolean interrupted = false;
        while (running.isAlive()) {
            try {
                running.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
