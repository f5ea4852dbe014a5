package dev.chatstore.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One open SQLite source at run time: its pool, its write lock, the statement cache of each pooled connection, and
 * the one place where {@link SQLException} becomes a {@link StorageException} naming source, operation and path.
 *
 * <p>Writes are serialized by a lock per source, so writers of this process queue here instead of meeting
 * {@code SQLITE_BUSY}; busy_timeout then only covers other processes. Transactions begin {@code IMMEDIATE}: a
 * deferred one that reads before it writes fails with {@code SQLITE_BUSY_SNAPSHOT} at once, whatever the timeout.
 * Thread-safe.
 */
final class SqliteSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteSource.class);
    private static final long READ_CHECK_INTERVAL_MS = 100;

    /** Work on one borrowed connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(SqliteSession session) throws SQLException;
    }

    private final SourceConfig config;
    private final String location;
    private volatile SQLiteDataSource dataSource;
    private volatile HikariDataSource pool;
    private final Connection anchor;
    /** What the first write must set up first; null once done (and for readonly and memory sources). */
    private volatile SqliteWriteSetup writeSetup;
    private volatile SqliteSchema.Migration setupMigration = SqliteSchema.Migration.NONE;
    /** The stand-in's pool, replaced by the file's at the first write and closed with the source. */
    private volatile HikariDataSource retiredPool;
    /** Whether -wal and -shm were absent when a readonly source opened (then closing removes what SQLite left). */
    private final boolean walFilesAbsentAtOpen;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<Connection, Map<String, PreparedStatement>> statementCaches = new ConcurrentHashMap<>();
    /** The file's identity (device and inode) when opened; null for a memory source and a file not created yet. */
    private volatile Object fileKey;
    private volatile long fileCheckedAt = System.nanoTime();
    /** Set once a check failed: from then on every call checks (and fails until the file is back). */
    private volatile boolean fileSuspect;
    private volatile boolean closed;
    private volatile boolean wrote;

    /**
     * @param anchor     for a memory source (or a stand-in), the connection that keeps its database alive until
     *                   {@link #close()}
     * @param writeSetup what to do once before the first write, or null
     */
    SqliteSource(SourceConfig config, String location, SQLiteDataSource dataSource, HikariDataSource pool,
                 Connection anchor, SqliteWriteSetup writeSetup, boolean walFilesAbsentAtOpen) {
        this.config = config;
        this.location = location;
        this.dataSource = dataSource;
        this.pool = pool;
        this.anchor = anchor;
        this.writeSetup = writeSetup;
        this.walFilesAbsentAtOpen = walFilesAbsentAtOpen;
        boolean standIn = writeSetup != null && writeSetup.standIn();
        this.fileKey = config.isMemory() || standIn ? null : identityAtOpen(Path.of(location));
    }

    /** The pending first-write setup, or null when there is none. */
    SqliteWriteSetup writeSetup() {
        return writeSetup;
    }

    /** What the first-write setup changed so far ({@link SqliteSchema.Migration#NONE} before it ran). */
    SqliteSchema.Migration setupMigration() {
        return setupMigration;
    }

    private static Object identityAtOpen(Path file) {
        try {
            return identity(file);
        } catch (IOException e) {
            return file; // the pool just opened it; should a stat fail now, later checks still see a deletion
        }
    }

    /** Device and inode where the file system has them, else the path (which then only checks existence). */
    private static Object identity(Path file) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        return key != null ? key : file;
    }

    SourceConfig config() {
        return config;
    }

    String name() {
        return config.name();
    }

    /** Absolute path, or {@code :memory:}. */
    String location() {
        return location;
    }

    boolean isClosed() {
        return closed;
    }

    int activeConnections() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getActiveConnections();
    }

    /** Runs a read on any free connection. */
    <T> T read(String operation, Work<T> work) {
        SqliteWriteSetup setup = writeSetup;
        if (setup != null && setup.standIn()) {
            leaveStandInIfTheFileAppeared(operation);
        }
        checkFile(operation, false);
        return withConnection(operation, false, work);
    }

    /**
     * Refuses the call when the file at the source's path is gone or is another file than the one opened. SQLite
     * keeps using the file it opened: after a delete or a replace, reads would serve the vanished file and writes,
     * in WAL mode, would succeed into it and be lost. Writes check every time (a stat costs about a microsecond);
     * reads at most every {@value #READ_CHECK_INTERVAL_MS} ms, so a point read does not pay for it each time.
     */
    void checkFile(String operation, boolean always) {
        if (fileKey == null) {
            return;
        }
        long now = System.nanoTime();
        if (!always && !fileSuspect && now - fileCheckedAt < TimeUnit.MILLISECONDS.toNanos(READ_CHECK_INTERVAL_MS)) {
            return;
        }
        String problem;
        try {
            if (fileKey.equals(identity(Path.of(location)))) {
                fileCheckedAt = now;
                fileSuspect = false;
                return;
            }
            problem = "was replaced by another file";
        } catch (NoSuchFileException e) {
            problem = "was deleted or moved away";
        } catch (IOException e) {
            problem = "cannot be checked (" + e + ")";
        }
        fileSuspect = true;
        throw new SourceUnavailableException(name(), String.format("Source '%s' (%s): %s refused: the database file "
                + "%s while the source was open. SQLite would go on using the old file, and writes would be lost "
                + "with it, so every call is refused: put the database back at that path (or fix the config) and "
                + "restart.", name(), location, operation, problem), null);
    }

    /** Runs a single-statement write (atomic on its own) under the source's write lock. */
    <T> T write(String operation, Work<T> work) {
        return underWriteLock(operation, () -> withConnection(operation, false, work));
    }

    /** Runs several statements as one {@code BEGIN IMMEDIATE} transaction under the write lock. */
    <T> T transaction(String operation, Work<T> work) {
        return underWriteLock(operation, () -> withConnection(operation, true, work));
    }

    /**
     * Runs {@code work} on a connection of its own, outside the pool, under the write lock: for schema
     * migrations, which Flyway runs on connections it opens from {@link #dataSource()}.
     */
    <T> T exclusive(String operation, Work<T> work) {
        return underWriteLock(operation, () -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(new SqliteSession(connection, new HashMap<>()));
            } catch (SQLException e) {
                throw wrap(operation, e);
            }
        });
    }

    /** The unpooled data source, configured like the pool's connections. */
    SQLiteDataSource dataSource() {
        return dataSource;
    }

    private <T> T underWriteLock(String operation, Supplier<T> body) {
        checkOpen(operation);
        boolean locked;
        try {
            locked = writeLock.tryLock(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(String.format("Source '%s' (%s): %s was interrupted waiting for the write "
                    + "lock", name(), location, operation), e);
        }
        if (!locked) {
            throw new SourceUnavailableException(name(), String.format("Source '%s' (%s): %s waited longer than the "
                    + "source's timeout of %s for its turn to write; other writes of this process hold the source. "
                    + "Raise timeout or shorten the writes.", name(), location, operation, timeoutText()), null);
        }
        try {
            if (writeSetup != null && !config.readonly()) {
                setUpForWriting(operation);
            }
            checkFile(operation, true);
            T result = body.get();
            wrote = true;
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * A stand-in answers for a file that did not exist; once another writer created it, reads go to the file as it
     * is. Under the write lock, so it never races the first write's own swap; when the lock is busy (a write of
     * this source is running, which replaces the stand-in anyway) the read is served as before.
     */
    private void leaveStandInIfTheFileAppeared(String operation) {
        if (!Files.exists(Path.of(location)) || !writeLock.tryLock()) {
            return;
        }
        try {
            SqliteWriteSetup setup = writeSetup;
            if (setup == null || !setup.standIn() || closed) {
                return;
            }
            SqliteWriteSetup.FileReader file = setup.fileAppeared();
            if (file == null) {
                return;
            }
            retiredPool = pool;
            dataSource = file.dataSource();
            pool = file.pool();
            fileKey = identityAtOpen(Path.of(location));
            writeSetup = setup.forExistingFile();
        } catch (SQLException e) {
            throw wrap(operation, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs the pending {@link SqliteWriteSetup} under the write lock; a failure leaves it pending for the next try. */
    private void setUpForWriting(String operation) {
        SqliteWriteSetup setup = writeSetup;
        SqliteWriteSetup.Done done;
        try {
            done = setup.run(dataSource);
        } catch (SQLException e) {
            throw wrap(operation, e);
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new StorageException(String.format("Source '%s' (%s): bringing the schema current before %s failed "
                    + "and its step was rolled back: %s", name(), location, operation, e.getMessage()), e);
        }
        if (done.pool() != null) {
            retiredPool = pool;
            dataSource = done.dataSource();
            pool = done.pool();
            fileKey = identityAtOpen(Path.of(location));
        }
        setupMigration = done.migration();
        writeSetup = null;
        if (!done.migration().notes().isEmpty()) {
            LOG.info("Source {} ({}): {}", name(), location, String.join("; ", done.migration().notes()));
        }
    }

    private <T> T withConnection(String operation, boolean transaction, Work<T> work) {
        checkOpen(operation);
        Connection raw = null;
        try (Connection connection = pool.getConnection()) {
            raw = connection.unwrap(SQLiteConnection.class);
            SqliteSession session = new SqliteSession(raw, statementCache(raw));
            if (!transaction) {
                return work.run(session);
            }
            session.prepare("BEGIN IMMEDIATE").executeUpdate();
            try {
                T result = work.run(session);
                session.prepare("COMMIT").executeUpdate();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    session.prepare("ROLLBACK").executeUpdate();
                } catch (SQLException rollback) {
                    // A connection left inside a transaction must not serve another call.
                    e.addSuppressed(rollback);
                    pool.evictConnection(connection);
                }
                throw e;
            }
        } catch (SQLException e) {
            if (raw != null) {
                dropStatements(raw);
            }
            throw wrap(operation, e);
        } catch (IllegalArgumentException e) {
            throw new StorageException(String.format("Source '%s' (%s): %s read a value it does not understand: %s",
                    name(), location, operation, e.getMessage()), e);
        }
    }

    /** The statements of one pooled connection; a new connection first sweeps out those of closed ones. */
    private Map<String, PreparedStatement> statementCache(Connection raw) {
        Map<String, PreparedStatement> cache = statementCaches.get(raw);
        if (cache == null) {
            statementCaches.keySet().removeIf(SqliteSource::isClosed);
            cache = new HashMap<>();
            statementCaches.put(raw, cache);
        }
        return cache;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    void checkOpen(String operation) {
        if (closed) {
            throw new StorageClosedException("SQLite source '" + name() + "' (" + location + ")", operation);
        }
    }

    /** After an error a cached statement may be left mid-step; the connection starts over with fresh ones. */
    private void dropStatements(Connection raw) {
        Map<String, PreparedStatement> cache = statementCaches.remove(raw);
        if (cache != null) {
            for (PreparedStatement statement : cache.values()) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // the statement is discarded either way
                }
            }
        }
    }

    /** The one translation of driver failures, for calls and for opening alike. */
    StorageException wrap(String operation, SQLException e) {
        return wrap(config, location, operation, e);
    }

    static StorageException wrap(SourceConfig config, String location, String operation, SQLException e) {
        String name = config.name();
        if (e instanceof SQLTransientConnectionException) {
            return new SourceUnavailableException(name, String.format("Source '%s' (%s): %s waited the source's "
                    + "timeout of %s for a free connection; all %d of its pool are in use. Raise pool-size or timeout, "
                    + "or look for calls that hold connections long.", name, location, operation,
                    timeoutText(config), config.isMemory() ? 1 : config.poolSize()), e);
        }
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
        String codeName = code == null ? "" : code.name();
        if (codeName.startsWith("SQLITE_BUSY") || codeName.startsWith("SQLITE_LOCKED")) {
            return new SourceUnavailableException(name, String.format("Source '%s' (%s): %s found the database "
                    + "locked for longer than the source's timeout of %s (%s); another process is writing it. Raise "
                    + "timeout or stop the other writer.", name, location, operation, timeoutText(config), codeName), e);
        }
        if (codeName.startsWith("SQLITE_READONLY")) {
            return new StorageException(String.format("Source '%s' (%s): %s cannot write: the database is open "
                    + "read-only (%s)%s.", name, location, operation, codeName, config.readonly()
                    ? "; the source is configured as readonly" : ", check the file's and its folder's permissions"), e);
        }
        return new StorageException(String.format("Source '%s' (%s): %s failed: %s", name, location, operation,
                e.getMessage()), e);
    }

    String timeoutText() {
        return timeoutText(config);
    }

    static String timeoutText(SourceConfig config) {
        return config.timeout().toMillis() / 1000.0 + " s";
    }

    /**
     * {@code PRAGMA optimize} where SQLite recommends it, as a connection closes: it refreshes the planner's
     * statistics of the tables whose use suggests it (cheap: usually nothing; bounded by SQLite's own analysis
     * limit), so a file that grew to millions of rows keeps good plans. Only for a file source this process wrote,
     * so opening and reading a file still change nothing. A failure costs the statistics, not the close: logged.
     */
    private void optimizeIfWritten() {
        if (!wrote || config.readonly() || anchor != null) {
            return;
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA optimize");
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Source {} ({}): PRAGMA optimize at close failed; the planner keeps its older statistics "
                    + "(run `maintain` to refresh them): {}", name(), location, e.toString());
        }
    }

    /** Closes the pool (calls in flight finish or fail), then the memory database's anchor. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        optimizeIfWritten();
        closed = true;
        statementCaches.clear();
        pool.close();
        if (retiredPool != null) {
            retiredPool.close();
        }
        if (anchor != null) {
            try {
                anchor.close();
            } catch (SQLException e) {
                throw wrap("close", e);
            }
        }
        if (config.readonly() && walFilesAbsentAtOpen) {
            SqliteWalLeftovers.remove(Path.of(location));
        }
    }
}
