package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.FailureContext;
import dev.chatstore.storage.jdbc.JdbcDialect;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoredValue;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * PostgreSQL's part of the JDBC mechanics. Transactions run at READ COMMITTED, where every write of this backend (an
 * upsert or an {@code INSERT ... ON CONFLICT}) is atomic per row, so counters stay exact with many writers;
 * serialization failures and deadlocks ({@code 40001}, {@code 40P01}) roll the transaction back and are run again
 * by the core. Values bind in the schema's types (whole-second {@code TIMESTAMPTZ}, {@code BOOLEAN}, enumerations
 * as text), and the failures PostgreSQL reports get their own wording. Writes are not serialized in Java: the
 * server takes row locks. Stateless.
 */
final class PostgresDialect implements JdbcDialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public boolean isTransient(SQLException failure) {
        String state = failure.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            requireStorable(text, index);
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
            statement.setObject(index, PostgresTime.bindable(instant));
        } else if (value instanceof StoredValue stored) {
            statement.setString(index, stored.value());
        } else {
            throw new IllegalArgumentException("No PostgreSQL form for " + value.getClass().getName());
        }
    }

    /**
     * Refuses text PostgreSQL cannot hold, before anything is sent: NUL (U+0000), which {@code text} does not allow,
     * and unpaired UTF-16 surrogates, which UTF-8 cannot encode. As in the SQLite backend, text is stored verbatim or
     * refused, never altered.
     */
    private static void requireStorable(String text, int parameter) throws SQLException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new SQLException(String.format("text value %d contains NUL (U+0000 at index %d), which "
                        + "PostgreSQL text cannot hold; nothing was stored. Remove the NUL characters", parameter, i),
                        "22021");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new SQLException(String.format("text value %d contains an unpaired UTF-16 surrogate (U+%04X at "
                        + "index %d), which UTF-8 cannot store; nothing was stored. Pass well-formed Unicode text",
                        parameter, (int) c, i), "22021");
            }
        }
    }

    /** The server cannot be reached, went away, or is shutting down or starting up. */
    static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    @Override
    public Optional<StorageException> translate(FailureContext context, SQLException e) {
        String name = context.source().name();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (isConnectionLoss(e)) {
            return Optional.of(new SourceUnavailableException(name, String.format("%s lost its connection to the "
                    + "PostgreSQL server or could not get one (%s: %s). Check that the server is up and reachable; "
                    + "the pool reconnects once it is back, and the call can be repeated.", context.prefix(), state,
                    e.getMessage()), e));
        }
        if (state.startsWith("28")) {
            return Optional.of(new SourceUnavailableException(name, String.format("%s could not log in (%s: %s). "
                    + "Check the source's user and the environment variable named by password-env.",
                    context.prefix(), state, e.getMessage()), e));
        }
        if (state.equals("3D000")) {
            return Optional.of(new SourceUnavailableException(name, String.format("%s: the database does not exist "
                    + "(%s). Create it or fix the source's url.", context.prefix(), e.getMessage()), e));
        }
        if (state.equals("55P03") || state.equals("57014")) {
            return Optional.of(new SourceUnavailableException(name, String.format("%s waited longer than the "
                    + "source's timeout of %s for rows another writer holds (%s). Raise timeout or look for long "
                    + "transactions.", context.prefix(), context.timeoutText(), state), e));
        }
        if (state.equals("25006")) {
            return Optional.of(new StorageException(String.format("%s cannot write: the connection is read-only%s.",
                    context.prefix(), context.source().readonly() ? "; the source is configured as readonly"
                            : " (a standby server, or a role or database that is read-only)"), e));
        }
        return Optional.empty();
    }
}
