package dev.chatstore.postgres;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * One open PostgreSQL source at run time: its pool, its schema state, the retry of transient failures and, through
 * {@link PostgresErrors}, the one place where {@link SQLException} becomes a {@link StorageException}.
 *
 * <p>Transactions run at READ COMMITTED: every write is an upsert or an {@code INSERT ... ON CONFLICT}, which
 * PostgreSQL makes atomic per row at that level, so counters stay exact with many writers. Serialization failures
 * and deadlocks (two writers taking the same rows in different orders) roll the transaction back; it is run again,
 * from the start, until the source's timeout is spent. Thread-safe.
 */
final class PostgresSource implements AutoCloseable {
    /** Work on one borrowed connection; may run more than once when a transient failure is retried. */
    @FunctionalInterface
    interface Work<T> {
        T run(PostgresSession session) throws SQLException;
    }

    /** A read found no tables: the schema of this writable source is created by its first write. */
    static final class SchemaNotCreatedYet extends RuntimeException {
        SchemaNotCreatedYet() {
            super(null, null, false, false);
        }
    }

    private final SourceConfig config;
    private final PostgresSettings settings;
    private final HikariDataSource pool;
    private final PostgresSchema schema;
    private final PostgresErrors errors;
    private final Object migrationLock = new Object();
    private volatile boolean schemaCurrent;
    private volatile boolean closed;

    PostgresSource(SourceConfig config, PostgresSettings settings, HikariDataSource pool, PostgresSchema schema,
                   boolean schemaCurrent) {
        this.config = config;
        this.settings = settings;
        this.pool = pool;
        this.schema = schema;
        this.errors = new PostgresErrors(config, settings);
        this.schemaCurrent = schemaCurrent;
    }

    SourceConfig config() {
        return config;
    }

    PostgresSettings settings() {
        return settings;
    }

    String name() {
        return config.name();
    }

    PostgresSchema schema() {
        return schema;
    }

    PostgresErrors errors() {
        return errors;
    }

    boolean isClosed() {
        return closed;
    }

    int activeConnections() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getActiveConnections();
    }

    /**
     * Runs a read. On a writable source whose schema was never created, a read finds no tables and throws
     * {@link SchemaNotCreatedYet}, which the store answers as an empty store would: reading creates nothing.
     */
    <T> T read(String operation, Work<T> work) {
        try {
            return run(operation, false, work);
        } catch (StorageException e) {
            if (!config.readonly() && !schemaCurrent && PostgresErrors.isMissingTable(e.getCause())) {
                throw new SchemaNotCreatedYet();
            }
            throw e;
        }
    }

    /** Runs a read as it is, missing tables included: for status and migration, which inspect the schema. */
    <T> T readDirect(String operation, Work<T> work) {
        return run(operation, false, work);
    }

    /** Runs a single-statement write (atomic on its own), creating or upgrading the schema first if needed. */
    <T> T write(String operation, Work<T> work) {
        ensureSchema(operation);
        return run(operation, false, work);
    }

    /** Runs several statements as one transaction, creating or upgrading the schema first if needed. */
    <T> T transaction(String operation, Work<T> work) {
        ensureSchema(operation);
        return run(operation, true, work);
    }

    /** Brings a writable source's schema current once, before its first write. */
    private void ensureSchema(String operation) {
        checkOpen(operation);
        if (schemaCurrent || config.readonly()) {
            return;
        }
        synchronized (migrationLock) {
            if (!schemaCurrent) {
                schema.migrate(operation);
                schemaCurrent = true;
            }
        }
    }

    /** Runs {@code body} with the schema lock held: for {@code migrate()}, which must not race a first write. */
    <T> T withMigrationLock(Supplier<T> body) {
        synchronized (migrationLock) {
            T result = body.get();
            schemaCurrent = !config.readonly();
            return result;
        }
    }

    private <T> T run(String operation, boolean transaction, Work<T> work) {
        checkOpen(operation);
        long deadline = System.nanoTime() + config.timeout().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(transaction, work);
            } catch (SQLException e) {
                // A connection that died with the server (or a restart of it) fails once, and is evicted by the
                // pool; the one retry takes a fresh one. A pool that waited its timeout is not retried.
                boolean retry = PostgresErrors.isRetryable(e)
                        || attempt == 1 && PostgresErrors.isConnectionLoss(e) && !(e instanceof SQLTransientConnectionException);
                if (retry && System.nanoTime() < deadline) {
                    pause(attempt);
                    continue;
                }
                throw errors.wrap(operation, e, attempt);
            }
        }
    }

    private <T> T attempt(boolean transaction, Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            PostgresSession session = new PostgresSession(connection);
            if (!transaction) {
                return work.run(session);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(session);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** Backs off a little, at random, so two writers that collided do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void checkOpen(String operation) {
        if (closed) {
            throw new StorageClosedException("PostgreSQL source '" + name() + "' (" + settings.location() + ")",
                    operation);
        }
    }

    /** Closes the pool (calls in flight finish or fail). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.close();
    }
}
