package dev.chatstore.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One borrowed connection, for the length of one call: prepared statements come from the connection's own cache
 * (re-preparing a statement per call costs a point read about half its speed), arguments bind through the
 * {@link JdbcDialect}. Used by one thread at a time; never kept past the {@link Work} it was given to.
 */
public final class JdbcSession {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements;
    private final JdbcDialect dialect;

    JdbcSession(Connection connection, Map<String, PreparedStatement> statements, JdbcDialect dialect) {
        this.connection = connection;
        this.statements = statements;
        this.dialect = dialect;
    }

    /** The connection itself, for work that is not a cached statement (schema inspection, migrations). */
    public Connection connection() {
        return connection;
    }

    /** The cached statement for {@code sql}, prepared on first use on this connection. */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Binds {@code args} in order through the dialect. */
    public void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            dialect.bind(statement, i + 1, args[i]);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the changed row count. */
    public int update(String sql, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql);
        bind(statement, args);
        return statement.executeUpdate();
    }

    /** The first row mapped, or empty. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql);
        bind(statement, args);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }

    /** Every row mapped, in the query's order; unmodifiable. */
    public <T> List<T> queryList(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql);
        bind(statement, args);
        try (ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return Collections.unmodifiableList(result);
        }
    }

    /** A single value of the first row, or {@code fallback} when there is no row or the value is null. */
    public long queryLong(String sql, long fallback, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql);
        bind(statement, args);
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return fallback;
            }
            long value = rows.getLong(1);
            return rows.wasNull() ? fallback : value;
        }
    }

    /** A nullable BIGINT column. */
    public static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** A nullable INTEGER column. */
    public static Integer nullableInt(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
