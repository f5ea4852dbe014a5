package dev.chatstore.reliability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "rows as the original writes them" (spec/host.md "How an update maps to rows"), through the built host:
 * ingest stores {@code @username} (the full name for a user without one, {@code ''} for a sending chat without one)
 * and a root for every message; rows an earlier Chatstore wrote the other way are left alone by reading and repaired,
 * with counts, by {@code migrate}.
 */
class OriginalRowsIT {
    static final long CHAT = -1001234567890L;

    @TempDir
    Path dir;
    HostFiles host;

    @BeforeEach
    void host() {
        host = new HostFiles(dir);
    }

    @Test
    void ingestStoresUsernamesAndRootsAsTheOriginalBotDoes() throws Exception {
        String channel = "\"sender_chat\": {\"id\": -1005, \"title\": \"Channel\", \"type\": \"channel\"}";
        host.write("updates.jsonl", String.join("\n",
                HostFiles.update(1, CHAT, "G", 1, HostFiles.ALICE, null),
                HostFiles.update(2, CHAT, "G", 2, HostFiles.BOB, replyTo(1)),
                HostFiles.update(3, CHAT, "G", 3, HostFiles.ALICE, replyTo(99)),
                HostFiles.update(4, CHAT, "G", 4, HostFiles.BOB, replyTo(2)),
                HostFiles.update(5, CHAT, "G", 5, HostFiles.ALICE, channel)) + "\n");
        Path db = dir.resolve("rows.db");

        host.host(null, "--db", db.toString(), "ingest", dir.resolve("updates.jsonl").toString()).exits(0);

        try (Connection connection = TestFiles.connect(db, true)) {
            assertThat(TestFiles.column(connection, "SELECT user_id || ' ' || username || ' / ' || full_name "
                    + "FROM chat_users ORDER BY user_id")).containsExactly("-1005  / Channel",
                    "1001 @alice / Alice Liddell", "1002 Bob / Bob");
            assertThat(TestFiles.column(connection, "SELECT message_id || ' ' || root_message_id FROM chat_messages "
                    + "ORDER BY CAST(message_id AS INTEGER)")).containsExactly("1 1", "2 1", "3 3", "4 1", "5 5");
        }
    }

    @Test
    void rowsAnEarlierChatstoreWroteAreRepairedByMigrateWithCountsAndNeverByReading() throws Exception {
        Path db = dir.resolve("old.db");
        host.host(null, "--db", db.toString(), "migrate").exits(0);
        try (Connection connection = TestFiles.connect(db, false); Statement statement = connection.createStatement()) {
            // As a build before the repair step left the file: that step not applied, rows in the old form.
            // Steps 4 and later unapplied (later steps only change indexes and are safe to run again).
            statement.execute("DELETE FROM chatstore_schema_history WHERE CAST(version AS INTEGER) >= 4");
            statement.execute("INSERT INTO chat_users (chat_id, user_id, username, full_name) VALUES (" + CHAT
                    + ", 1001, 'alice', 'Alice Liddell'), (" + CHAT + ", 1002, '', 'Bob'), (" + CHAT
                    + ", 1003, 'Carol', 'Carol')");
            statement.execute("INSERT INTO chat_messages (chat_id, message_id, date, user_id, reply_id, "
                    + "root_message_id, message_text) VALUES (" + CHAT + ", '1', '2024-02-01 09:00:00', 1001, NULL, "
                    + "NULL, 'a'), (" + CHAT + ", '2', '2024-02-01 09:01:00', 1002, '1', '1', 'b'), (" + CHAT
                    + ", '3', '2024-02-01 09:02:00', 1002, NULL, NULL, 'c')");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        String before = TestFiles.sha256(db);

        host.host(null, "--db", db.toString(), "messages", "--chat", Long.toString(CHAT)).exits(0);
        host.host(null, "--db", db.toString(), "sources").exits(0);
        assertThat(TestFiles.sha256(db)).as("reading rewrites nothing").isEqualTo(before);

        String migrated = host.host(null, "--db", db.toString(), "migrate").exits(0).out();
        assertThat(migrated).contains("repaired 2 chat_messages.root_message_id",
                "repaired 1 chat_users.username stored without its '@'", "repaired 1 chat_users.username ''");
        try (Connection connection = TestFiles.connect(db, true)) {
            assertThat(TestFiles.column(connection, "SELECT username FROM chat_users ORDER BY user_id"))
                    .containsExactly("@alice", "Bob", "Carol");
            assertThat(TestFiles.column(connection, "SELECT root_message_id FROM chat_messages ORDER BY message_id"))
                    .containsExactly("1", "1", "3");
        }
        assertThat(host.host(null, "--db", db.toString(), "migrate").exits(0).out()).as("one time only")
                .doesNotContain("repaired").contains("up-to-date");
    }

    private static String replyTo(long messageId) {
        return "\"reply_to_message\": {\"message_id\": " + messageId + ", \"date\": 1718870400, \"chat\": {\"id\": "
                + CHAT + ", \"type\": \"group\"}}";
    }
}
