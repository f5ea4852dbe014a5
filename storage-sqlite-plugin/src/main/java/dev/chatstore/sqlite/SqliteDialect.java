package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.FailureContext;
import dev.chatstore.storage.jdbc.JdbcDialect;
import dev.chatstore.storage.jdbc.JdbcSession;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoredValue;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * SQLite's part of the JDBC mechanics: one writer per file, so this process's writes take turns in Java
 * ({@link #serializesWrites()}) and transactions begin {@code IMMEDIATE} (a deferred one that reads before it writes
 * fails with {@code SQLITE_BUSY_SNAPSHOT} at once, whatever the busy timeout); the schema's stored forms
 * (timestamps as UTC text, booleans as 0/1, enumerations as their text); and the wording of busy and read-only
 * failures. Stateless.
 */
final class SqliteDialect implements JdbcDialect {
    static final SqliteDialect INSTANCE = new SqliteDialect();

    private SqliteDialect() {
    }

    @Override
    public String name() {
        return "SQLite";
    }

    /**
     * Busy and locked: another connection holds the file. The busy timeout already waited for it, so a retry only
     * happens when a failure came early ({@code SQLITE_BUSY_SNAPSHOT}) and time is left.
     */
    @Override
    public boolean isTransient(SQLException failure) {
        String code = codeName(failure);
        return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
    }

    @Override
    public boolean serializesWrites() {
        return true;
    }

    @Override
    public void begin(JdbcSession session) throws SQLException {
        session.prepare("BEGIN IMMEDIATE").executeUpdate();
    }

    @Override
    public void commit(JdbcSession session) throws SQLException {
        session.prepare("COMMIT").executeUpdate();
    }

    @Override
    public void rollback(JdbcSession session) throws SQLException {
        session.prepare("ROLLBACK").executeUpdate();
    }

    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            requireWellFormed(text, index);
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Double number) {
            statement.setDouble(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setInt(index, flag ? 1 : 0);
        } else if (value instanceof Instant instant) {
            statement.setString(index, SqliteTime.format(instant));
        } else if (value instanceof StoredValue stored) {
            statement.setString(index, stored.value());
        } else {
            throw new IllegalArgumentException("No SQLite form for " + value.getClass().getName());
        }
    }

    @Override
    public Optional<StorageException> translate(FailureContext context, SQLException e) {
        String code = codeName(e);
        String name = context.source().name();
        if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
            return Optional.of(new SourceUnavailableException(name, String.format("%s found the database locked for "
                    + "longer than the source's timeout of %s (%s); another process is writing it. Raise timeout or "
                    + "stop the other writer.", context.prefix(), context.timeoutText(), code), e));
        }
        if (code.startsWith("SQLITE_READONLY")) {
            return Optional.of(new StorageException(String.format("%s cannot write: the database is open read-only "
                    + "(%s)%s.", context.prefix(), code, context.source().readonly()
                    ? "; the source is configured as readonly" : ", check the file's and its folder's permissions"), e));
        }
        return Optional.empty();
    }

    private static String codeName(SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
        return code == null ? "" : code.name();
    }

    /**
     * Refuses text with an unpaired UTF-16 surrogate: SQLite stores UTF-8, which cannot represent one, and
     * sqlite-jdbc would silently store '?' in its place. Refusing keeps the contract "stored verbatim or refused".
     */
    private static void requireWellFormed(String text, int parameter) throws SQLException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new SQLException(String.format("text value %d contains an unpaired UTF-16 surrogate (U+%04X at "
                        + "index %d), which SQLite's UTF-8 cannot store (it would become '?'); nothing was stored. "
                        + "Pass well-formed Unicode text", parameter, (int) c, i), "22021");
            }
        }
    }
}
