package dev.chatstore.storage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * One open SQL source at run time: its pool, the statement cache of each pooled connection, transactions, retry of
 * transient failures, the once-before-first-write schema hook, the closed flag, and the one place where an
 * {@link SQLException} becomes a {@link StorageException} naming source, operation and what to do.
 *
 * <p>Parts call {@link #read}, {@link #write} or {@link #transaction} with a {@link Work}; the operation's name comes
 * from the assembled store ({@link StoreParts}), never from the part. A transient failure (as the
 * {@link JdbcDialect} decides) runs the whole work again, with a short randomized back-off, until the source's
 * timeout has passed. Thread-safe.
 */
public final class JdbcSource implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 50;
    private static final long MAX_BACKOFF_MS = 50;

    private final SourceConfig config;
    private final String location;
    private final JdbcDialect dialect;
    /** Replaced at most by {@link #replacePool}; calls read it once per attempt. */
    private volatile HikariDataSource pool;
    private volatile DataSource unpooled;
    /** Pools replaced by {@link #replacePool}, closed with the source (calls in flight may still use them). */
    private final List<HikariDataSource> retiredPools = new CopyOnWriteArrayList<>();
    private final SchemaHook schemaHook;
    private final CallCheck callCheck;
    private final List<AutoCloseable> closeAfterPool;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Object schemaLock = new Object();
    private final Map<Connection, Map<String, PreparedStatement>> statementCaches = new ConcurrentHashMap<>();
    private volatile boolean schemaReady;
    private volatile boolean closed;

    private JdbcSource(Builder builder) {
        this.config = builder.config;
        this.location = builder.location;
        this.dialect = builder.dialect;
        this.pool = builder.pool;
        this.unpooled = builder.unpooled;
        this.schemaHook = builder.schemaHook;
        this.callCheck = builder.callCheck;
        this.closeAfterPool = List.copyOf(builder.closeAfterPool);
        this.schemaReady = builder.config.readonly() || builder.schemaHook == SchemaHook.NONE;
    }

    /**
     * Starts a source over an open pool. The source owns the pool from here: {@link #close()} closes it.
     *
     * @param location the path or URL shown in messages; never a password
     */
    public static Builder builder(SourceConfig config, String location, JdbcDialect dialect, HikariDataSource pool) {
        return new Builder(config, location, dialect, pool);
    }

    public SourceConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    /** The path or URL shown in messages. */
    public String location() {
        return location;
    }

    public JdbcDialect dialect() {
        return dialect;
    }

    /** The pool's real size, which may be below the configured {@code pool-size} (1 for an in-memory SQLite). */
    public int poolSize() {
        return pool.getMaximumPoolSize();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Connections borrowed right now. */
    public int activeConnections() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getActiveConnections();
    }

    /** The operation running on this thread, for messages a part words itself. */
    public String operation() {
        return CurrentOperation.name();
    }

    /** Runs a read on any free connection, in auto-commit mode. */
    public <T> T read(Work<T> work) {
        String operation = CurrentOperation.name();
        checkOpen(operation);
        callCheck.check(operation, false);
        return withRetry(operation, () -> onPooledConnection(operation, false, work));
    }

    /** Runs a single-statement write (atomic on its own) in auto-commit mode. */
    public <T> T write(Work<T> work) {
        return writing(false, work);
    }

    /** Runs several statements as one transaction; rolled back if the work throws. */
    public <T> T transaction(Work<T> work) {
        return writing(true, work);
    }

    /**
     * Runs {@code work} on a connection of its own from the unpooled data source (or the pool when there is none),
     * with no other write of this process in flight on a dialect that {@link JdbcDialect#serializesWrites()}: for
     * schema migrations. No retry; failures are translated naming {@code step}.
     */
    public <T> T exclusive(String step, Work<T> work) {
        checkOpen(step);
        return underWriteLock(step, () -> {
            try (Connection connection = unpooled().getConnection()) {
                return work.run(new JdbcSession(connection, new HashMap<>(), dialect));
            } catch (SQLException e) {
                throw translate(step, e);
            }
        });
    }

    /** The data source {@link #exclusive} uses: the unpooled one when the backend gave it, else the pool. */
    public DataSource unpooled() {
        DataSource own = unpooled;
        return own != null ? own : pool;
    }

    /** Runs the backend's {@link CallCheck} now, as for a write (no shortcut), for status probes. */
    public void checkNow() {
        callCheck.check(CurrentOperation.name(), true);
    }

    /**
     * Runs the {@link SchemaHook} now unless it has run (for {@code StoreAdmin.migrate}, which sets up what the first
     * write would); a no-op for a readonly source or one without a hook. If the hook throws, it stays pending.
     */
    public void prepareForWrites() {
        checkOpen(CurrentOperation.name());
        if (!schemaReady) {
            synchronized (schemaLock) {
                if (!schemaReady) {
                    schemaHook.beforeFirstWrite(this);
                    schemaReady = true;
                }
            }
        }
    }

    /**
     * Serves every later call from {@code newPool} (and {@link #exclusive} from {@code newUnpooled}): for a backend
     * that answers from a stand-in until its database exists, such as SQLite's empty in-memory database for a
     * writable file not created yet, which gives way to the file once it is. Calls in flight finish on the old pool,
     * which is closed with the source. The backend coordinates the swap itself (from its {@link SchemaHook} or
     * {@link CallCheck}). The source owns {@code newPool} from here; if the source is closed already, the pool is
     * closed and {@link StorageClosedException} thrown.
     */
    public void replacePool(HikariDataSource newPool, DataSource newUnpooled) {
        requireNonNull(newPool, "newPool is null");
        requireNonNull(newUnpooled, "newUnpooled is null");
        synchronized (retiredPools) {
            if (!closed) {
                retiredPools.add(pool);
                unpooled = newUnpooled;
                pool = newPool;
                return;
            }
        }
        newPool.close();
        checkOpen(CurrentOperation.name());
    }

    /** Records that the schema is current (after {@code StoreAdmin.migrate}), so the hook does not run again. */
    public void markSchemaReady() {
        schemaReady = true;
    }

    /** The one translation of a driver failure, naming this source and {@code operation}. */
    public StorageException translate(String operation, SQLException e) {
        return SqlFailures.translate(dialect, new FailureContext(config, location, operation), poolSize(), e, 1);
    }

    /** @throws StorageClosedException if the source was closed */
    public void checkOpen(String operation) {
        if (closed) {
            throw new StorageClosedException(dialect.name() + " source '" + name() + "' (" + location + ")", operation);
        }
    }

    private <T> T writing(boolean transaction, Work<T> work) {
        String operation = CurrentOperation.name();
        prepareForWrites();
        return underWriteLock(operation, () -> {
            callCheck.check(operation, true);
            return withRetry(operation, () -> onPooledConnection(operation, transaction, work));
        });
    }

    private <T> T underWriteLock(String operation, Supplier<T> body) {
        if (!dialect.serializesWrites()) {
            return body.get();
        }
        boolean locked;
        try {
            locked = writeLock.tryLock(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(String.format("Source '%s' (%s): %s was interrupted waiting for the write "
                    + "lock", name(), location, operation), e);
        }
        if (!locked) {
            FailureContext context = new FailureContext(config, location, operation);
            throw new SourceUnavailableException(name(), String.format("%s waited longer than the source's timeout "
                    + "of %s for its turn to write; other writes of this process hold the source. Raise timeout or "
                    + "shorten the writes.", context.prefix(), context.timeoutText()), null);
        }
        try {
            return body.get();
        } finally {
            writeLock.unlock();
        }
    }

    /** An attempt that failed with an SQLException, kept for the retry loop. */
    private static final class Failed extends RuntimeException {
        final SQLException failure;

        Failed(SQLException failure) {
            super(null, failure, false, false);
            this.failure = failure;
        }
    }

    private <T> T withRetry(String operation, Supplier<T> attempt) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (Failed failed) {
                SQLException e = failed.failure;
                boolean again = dialect.isTransient(e) && attempts < MAX_ATTEMPTS && System.nanoTime() < deadline
                        && !closed;
                if (!again) {
                    throw SqlFailures.translate(dialect, new FailureContext(config, location, operation), poolSize(),
                            e, dialect.isTransient(e) ? attempts : 1);
                }
                backOff(attempts, operation, e);
            }
        }
    }

    private void backOff(int attempts, String operation, SQLException e) {
        long ceiling = Math.min(MAX_BACKOFF_MS, 1L << Math.min(attempts, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw SqlFailures.translate(dialect, new FailureContext(config, location, operation), poolSize(), e, 1);
        }
    }

    private <T> T onPooledConnection(String operation, boolean transaction, Work<T> work) {
        Connection physical = null;
        HikariDataSource pool = this.pool;
        try (Connection connection = pool.getConnection()) {
            // The pool hands out a new proxy per borrow; statements are cached per physical connection.
            physical = connection.unwrap(Connection.class);
            JdbcSession session = new JdbcSession(physical, statementCache(physical), dialect);
            if (!transaction) {
                return work.run(session);
            }
            dialect.begin(session);
            try {
                T result = work.run(session);
                dialect.commit(session);
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    dialect.rollback(session);
                } catch (SQLException rollback) {
                    // A connection left inside a transaction must not serve another call.
                    e.addSuppressed(rollback);
                    pool.evictConnection(connection);
                }
                throw e;
            }
        } catch (SQLException e) {
            if (physical != null) {
                dropStatements(physical);
            }
            throw new Failed(e);
        } catch (IllegalArgumentException e) {
            throw new StorageException(String.format("Source '%s' (%s): %s read a value it does not understand: %s",
                    name(), location, operation, e.getMessage()), e);
        }
    }

    /** The statements of one pooled connection; a new connection first sweeps out those of closed ones. */
    private Map<String, PreparedStatement> statementCache(Connection physical) {
        Map<String, PreparedStatement> cache = statementCaches.get(physical);
        if (cache == null) {
            statementCaches.keySet().removeIf(JdbcSource::isClosed);
            cache = new HashMap<>();
            statementCaches.put(physical, cache);
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

    /** After an error a cached statement may be left mid-step; the connection starts over with fresh ones. */
    private void dropStatements(Connection physical) {
        Map<String, PreparedStatement> cache = statementCaches.remove(physical);
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

    /** Closes the pool (calls in flight finish or fail), then what the backend asked to close after it. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (retiredPools) {
            closed = true;
        }
        statementCaches.clear();
        pool.close();
        retiredPools.forEach(HikariDataSource::close);
        StorageException failure = null;
        for (AutoCloseable resource : closeAfterPool) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof SQLException sql ? translate("close", sql)
                            : new StorageException(String.format("Source '%s' (%s): close failed: %s", name(),
                            location, e), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** How a backend starts a {@link JdbcSource}. Not thread-safe; used once. */
    public static final class Builder {
        private final SourceConfig config;
        private final String location;
        private final JdbcDialect dialect;
        private final HikariDataSource pool;
        private DataSource unpooled;
        private SchemaHook schemaHook = SchemaHook.NONE;
        private CallCheck callCheck = CallCheck.NONE;
        private final List<AutoCloseable> closeAfterPool = new ArrayList<>();

        private Builder(SourceConfig config, String location, JdbcDialect dialect, HikariDataSource pool) {
            this.config = requireNonNull(config, "config is null");
            this.location = requireNonNull(location, "location is null");
            this.dialect = requireNonNull(dialect, "dialect is null");
            this.pool = requireNonNull(pool, "pool is null");
        }

        /** Connections outside the pool, configured like the pool's, for {@link JdbcSource#exclusive}. */
        public Builder unpooled(DataSource dataSource) {
            this.unpooled = requireNonNull(dataSource, "dataSource is null");
            return this;
        }

        /** Runs once before the first write of a writable source; see {@link SchemaHook}. */
        public Builder schemaHook(SchemaHook hook) {
            this.schemaHook = requireNonNull(hook, "hook is null");
            return this;
        }

        /** Runs before every call; see {@link CallCheck}. */
        public Builder callCheck(CallCheck check) {
            this.callCheck = requireNonNull(check, "check is null");
            return this;
        }

        /** Closed by {@link JdbcSource#close()} after the pool, in the order added (a memory database's anchor). */
        public Builder closeAfterPool(AutoCloseable resource) {
            closeAfterPool.add(requireNonNull(resource, "resource is null"));
            return this;
        }

        public JdbcSource build() {
            return new JdbcSource(this);
        }
    }
}
