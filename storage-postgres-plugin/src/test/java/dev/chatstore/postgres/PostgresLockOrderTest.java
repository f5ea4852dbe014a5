package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code addChatMessage} (one statement whose sub-statements PostgreSQL orders itself) and {@code addChatMessages}
 * (one statement per table) take the counter rows in the same order: the member's counter first, then the chat's
 * day, then the member's day. Had they opposite orders, a single message and a batch of the same member and day
 * would deadlock, and each such deadlock costs a {@code deadlock_timeout} before the retry. Shown by holding the
 * member's row in another session: the store's write waits there, holding neither day row.
 */
class PostgresLockOrderTest {
    private static final long CHAT = -1001;
    private static final long USER = 1;
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @Test
    void aSingleMessageAndABatchTakeTheMembersCounterBeforeTheDayRows() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String schema = PostgresServer.freshSchema();
        try (ChatStore store = PostgresTestSources.open(PostgresTestSources.config("primary", schema))) {
            store.updateChatUser(CHAT, USER, "alice", "Alice");
            store.addChatMessage(message("0")); // the day rows exist from here on

            assertWaitsOnTheMemberHoldingNoDayRow(server, schema, () -> store.addChatMessage(message("1")));
            assertWaitsOnTheMemberHoldingNoDayRow(server, schema, () -> store.addChatMessages(
                    List.of(message("2"), message("3"))));

            assertThat(store.getChatUser(CHAT, USER).orElseThrow().messagesCount()).isEqualTo(4);
        }
        assertThat(count(server, "SELECT messages_count FROM " + schema + ".chat_stats")).isEqualTo(4);
        assertThat(count(server, "SELECT messages_count FROM " + schema + ".chat_user_stats")).isEqualTo(4);
    }

    private static void assertWaitsOnTheMemberHoldingNoDayRow(PostgresServer server, String schema, Runnable write)
            throws Exception {
        try (Connection holder = server.admin().getConnection(); Connection probe = server.admin().getConnection()) {
            holder.setAutoCommit(false);
            execute(holder, "SELECT 1 FROM " + schema + ".chat_users WHERE chat_id = " + CHAT + " FOR UPDATE");
            CompletableFuture<Void> writing = CompletableFuture.runAsync(write);
            awaitLockWait(server, "chatstore:primary");

            probe.setAutoCommit(false);
            execute(probe, "SELECT 1 FROM " + schema + ".chat_stats FOR UPDATE NOWAIT");
            execute(probe, "SELECT 1 FROM " + schema + ".chat_user_stats FOR UPDATE NOWAIT");
            probe.rollback();

            holder.commit();
            writing.get(30, TimeUnit.SECONDS);
        }
    }

    private static ChatMessage message(String id) {
        return ChatMessage.builder(CHAT, id, USER, T0).text(id).build();
    }

    /** Fails with {@code 55P03} (lock not available) if a NOWAIT row is locked by the store's write. */
    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(PostgresServer server, String sql) throws SQLException {
        try (Connection c = server.admin().getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void awaitLockWait(PostgresServer server, String application) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection c = server.admin().getConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet row = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                        + application + "' AND wait_event_type = 'Lock'")) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the store's write never waited for the member's row");
    }
}
