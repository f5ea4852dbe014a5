package dev.chatstore.storage.jdbc;

import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoredValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * What differs between SQL engines in the mechanics {@link JdbcSource} handles: which failures are worth retrying,
 * how a write transaction begins, how values bind, and engine-specific wording of failures. Everything else a
 * backend keeps (its SQL, its schema) lives in its parts. Implementations are stateless and thread-safe.
 */
public interface JdbcDialect {
    /** The engine's name for messages, for example {@code "SQLite"} or {@code "PostgreSQL"}. */
    String name();

    /**
     * Whether {@code failure} is transient: the same work, run again from the start in a new transaction, may
     * succeed (PostgreSQL serialization failure {@code 40001} and deadlock {@code 40P01}; SQLite busy). Retries stop
     * at the source's timeout.
     */
    boolean isTransient(SQLException failure);

    /**
     * Whether writes of this process take turns on a lock per source before they borrow a connection. SQLite
     * allows one writer per file, so queuing in Java beats meeting {@code SQLITE_BUSY}; a server engine says false.
     */
    default boolean serializesWrites() {
        return false;
    }

    /**
     * Starts a write transaction on a session whose connection is in auto-commit mode. The default turns
     * auto-commit off; SQLite runs {@code BEGIN IMMEDIATE} instead (through {@link JdbcSession#prepare}, cached).
     */
    default void begin(JdbcSession session) throws SQLException {
        session.connection().setAutoCommit(false);
    }

    /** Commits what {@link #begin} started and leaves the connection in auto-commit mode. */
    default void commit(JdbcSession session) throws SQLException {
        session.connection().commit();
        session.connection().setAutoCommit(true);
    }

    /** Rolls back what {@link #begin} started and leaves the connection in auto-commit mode. */
    default void rollback(JdbcSession session) throws SQLException {
        session.connection().rollback();
        session.connection().setAutoCommit(true);
    }

    /**
     * Binds one argument. The default binds {@code null}, {@code String}, {@code Long}, {@code Integer},
     * {@code Double}, {@code Boolean}, {@link Instant} (as a UTC {@link Timestamp}) and the SPI's
     * {@link StoredValue} enumerations (as their stored text) in the driver's own forms;
     * a dialect overrides it for its stored forms (SQLite keeps timestamps as text).
     *
     * @throws SQLException for a value the engine cannot store (the core reports it naming source and operation)
     */
    default void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Double number) {
            statement.setDouble(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant));
        } else if (value instanceof StoredValue stored) {
            statement.setString(index, stored.value());
        } else {
            throw new SQLException("No " + name() + " form for " + value.getClass().getName(), "22023");
        }
    }

    /**
     * An engine-specific wording of a failure (a read-only database, a lost server), or empty for the core's
     * general one. Called once per failure, after retries are exhausted.
     *
     * @param context names the source, its location and the operation, for the message
     */
    default Optional<StorageException> translate(FailureContext context, SQLException failure) {
        return Optional.empty();
    }

    /** Runs a statement that returns nothing, outside the statement cache (transaction control, pragmas). */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
