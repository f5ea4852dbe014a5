package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.JdbcSession;
import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.Work;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads of one source. A writable source's schema is created by its first write, not at open ("reading changes
 * nothing"), so until then a read finds no tables: it answers as an empty store would (an empty list, map or
 * {@code Optional}) when the source's schema has no Chatstore history yet, and fails as usual otherwise. A readonly
 * source was refused at open if its schema was missing. Thread-safe.
 */
final class PostgresReads {
    private final JdbcSource source;
    private final String schema;

    PostgresReads(JdbcSource source, String schema) {
        this.source = source;
        this.schema = schema;
    }

    JdbcSource source() {
        return source;
    }

    /** Runs {@code work} as a read; {@code empty} is its answer while the schema does not exist yet. */
    <T> T read(T empty, Work<T> work) {
        return source.read(s -> {
            try {
                return work.run(s);
            } catch (SQLException e) {
                if ("42P01".equals(e.getSQLState()) && !source.config().readonly() && notCreatedYet(s)) {
                    return empty;
                }
                throw e;
            }
        });
    }

    /** Whether the source's schema has no Chatstore history yet (its first write or migrate has not run). */
    boolean notCreatedYet() {
        return source.read(this::notCreatedYet);
    }

    private boolean notCreatedYet(JdbcSession session) throws SQLException {
        try (PreparedStatement statement = session.connection().prepareStatement(
                "SELECT to_regclass(quote_ident(?) || '." + PostgresSchema.HISTORY_TABLE + "') IS NULL")) {
            statement.setString(1, schema);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
