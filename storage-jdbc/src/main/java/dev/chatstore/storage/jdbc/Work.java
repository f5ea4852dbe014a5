package dev.chatstore.storage.jdbc;

import java.sql.SQLException;

/**
 * The body of one call on one borrowed connection. May run more than once when the dialect calls a failure
 * transient, so it must not have effects outside the database (or must tolerate repeating them).
 */
@FunctionalInterface
public interface Work<T> {
    T run(JdbcSession session) throws SQLException;
}
