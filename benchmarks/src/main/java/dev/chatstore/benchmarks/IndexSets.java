package dev.chatstore.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The original bot's index set on a Chatstore file, as {@code per_message_floor.py --indexes original} makes it. */
final class IndexSets {
    private IndexSets() {
    }

    /** Drops every non-key index on the four tables a stored message writes (the original has none there). */
    static void dropChatstoreIndexes(Connection db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS "
                     + "NOT NULL AND tbl_name IN ('chat_messages', 'chat_users', 'chat_stats', 'chat_user_stats')")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        try (Statement statement = db.createStatement()) {
            for (String name : names) {
                statement.execute("DROP INDEX \"" + name + "\"");
            }
        }
    }
}
