package dev.chatstore.postgres;

import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The PostgreSQL dialect of failures: which SQLSTATEs are transient, and the one translation of a
 * {@link SQLException} into the SPI's exceptions, naming the source, its location (never its password), the
 * operation and what to do. Thread-safe.
 */
final class PostgresErrors {
    private final SourceConfig config;
    private final PostgresSettings settings;

    PostgresErrors(SourceConfig config, PostgresSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    /** Serialization failure or deadlock: the transaction was rolled back and can run again as it is. */
    static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** The server cannot be reached, went away, or is shutting down or starting up. */
    static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** No such table or schema: a schema that was never created. */
    static boolean isMissingTable(Throwable e) {
        return e instanceof SQLException sql && ("42P01".equals(sql.getSQLState())
                || "3F000".equals(sql.getSQLState()));
    }

    StorageException wrap(String operation, SQLException e) {
        return wrap(operation, e, 1);
    }

    StorageException wrap(String operation, SQLException e, int attempts) {
        String name = config.name();
        String where = String.format("Source '%s' (%s): %s", name, settings.location(), operation);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientConnectionException) {
            return new SourceUnavailableException(name, String.format("%s got no connection within the source's "
                    + "timeout of %s (pool of %d): %s. Check that the server is up and reachable, or raise pool-size "
                    + "or timeout.", where, timeoutText(), config.poolSize(), causeText(e)), e);
        }
        if (isConnectionLoss(e)) {
            return new SourceUnavailableException(name, String.format("%s lost its connection to the server "
                    + "(%s: %s). Check that the server is up; the call can be repeated once it is.", where, state,
                    e.getMessage()), e);
        }
        if (state.startsWith("28")) {
            return new SourceUnavailableException(name, String.format("%s could not log in (%s: %s). Check the "
                    + "source's user and the environment variable named by password-env.", where, state,
                    e.getMessage()), e);
        }
        if (state.equals("3D000")) {
            return new SourceUnavailableException(name, String.format("%s: the database does not exist (%s). Create "
                    + "it or fix the source's url.", where, e.getMessage()), e);
        }
        if (state.equals("55P03") || state.equals("57014")) {
            return new SourceUnavailableException(name, String.format("%s waited longer than the source's timeout "
                    + "of %s for rows another writer holds (%s). Raise timeout or look for long transactions.", where,
                    timeoutText(), state), e);
        }
        if (isRetryable(e)) {
            return new SourceUnavailableException(name, String.format("%s kept colliding with other writers "
                    + "(%s, %d attempts within the source's timeout of %s). Raise timeout or reduce concurrent "
                    + "writers.", where, state, attempts, timeoutText()), e);
        }
        if (state.equals("25006")) {
            return new StorageException(String.format("%s cannot write: the connection is read-only%s.", where,
                    config.readonly() ? "; the source is configured as readonly" : " (a standby server or a "
                            + "read-only role)"), e);
        }
        return new StorageException(String.format("%s failed: %s", where, e.getMessage()), e);
    }

    String timeoutText() {
        return config.timeout().toMillis() / 1000.0 + " s";
    }

    private static String causeText(SQLException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }
}
