package dev.chatstore.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts what migration V4 ({@code V4__root_and_username_as_the_original_writes_them.sql}) is about to repair, so
 * the one-time step is reported with numbers: rows earlier Chatstore builds wrote unlike the original bot. The
 * conditions here are the script's; a test keeps both in step.
 */
final class SqliteRowRepair {
    static final int VERSION = 4;
    static final String NULL_ROOTS = "SELECT count(*) FROM chat_messages WHERE root_message_id IS NULL";
    static final String BARE_USERNAMES = "SELECT count(*) FROM chat_users WHERE username <> '' "
            + "AND username NOT GLOB '*[^A-Za-z0-9_]*' AND username <> full_name";
    static final String EMPTY_USERNAMES = "SELECT count(*) FROM chat_users WHERE username = '' AND user_id > 0 "
            + "AND full_name <> ''";

    private SqliteRowRepair() {
    }

    /** What the step will change in a file below Chatstore level {@value #VERSION}, one note per kind; empty if nothing. */
    static List<String> pending(Connection connection) throws SQLException {
        List<String> notes = new ArrayList<>();
        if (!SqliteSchema.hasTable(connection, "chat_messages") || !SqliteSchema.hasTable(connection, "chat_users")) {
            return notes;
        }
        long roots = count(connection, NULL_ROOTS);
        long bare = count(connection, BARE_USERNAMES);
        long empty = count(connection, EMPTY_USERNAMES);
        if (roots > 0) {
            notes.add(String.format("repaired %d chat_messages.root_message_id NULL to the message's own id", roots));
        }
        if (bare > 0) {
            notes.add(String.format("repaired %d chat_users.username stored without its '@'", bare));
        }
        if (empty > 0) {
            notes.add(String.format("repaired %d chat_users.username '' of users to their full name", empty));
        }
        return notes;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}
