package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadlock made on purpose: another session holds message "y" and then asks for "x" while the store's batch holds
 * "x" and waits for "y". PostgreSQL aborts the store's transaction (it waited first); the store runs it again by
 * itself, and the caller sees a result, not an error.
 */
class PostgresDeadlockRetryTest {
    private static final long CHAT = -1001;
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @Test
    void aDeadlockedBatchIsRunAgainInsideTheStore() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String schema = PostgresServer.freshSchema();
        try (ChatStore store = PostgresTestSources.open(PostgresTestSources.config("primary", schema))) {
            store.updateChatUser(CHAT, 1, "alice", "Alice");
            try (Connection other = server.admin().getConnection()) {
                other.setAutoCommit(false);
                // The store's session (deadlock_timeout 100 ms on this server) must be the one that detects the
                // deadlock and is aborted; on a loaded machine this session's check could otherwise run first.
                try (Statement set = other.createStatement()) {
                    set.execute("SET deadlock_timeout = '30s'");
                }
                insert(other, schema, "y");

                CompletableFuture<Integer> batch = CompletableFuture.supplyAsync(() -> store.addChatMessages(List.of(
                        message("x"), message("y"))));
                awaitLockWait(server, "chatstore:primary");
                insert(other, schema, "x"); // waits for the store's "x": a deadlock, which aborts the store's side
                other.commit();

                assertThat(batch.get(30, TimeUnit.SECONDS)).as("stored by the retried batch: both were taken").isZero();
            }
            assertThat(store.getChatMessages(CHAT, MessageQuery.all())).extracting(ChatMessage::messageId)
                    .containsExactlyInAnyOrder("x", "y");
            assertThat(store.getChatUser(CHAT, 1).orElseThrow().messagesCount())
                    .as("the other session bumped no counter, and the aborted attempt's bump was rolled back")
                    .isZero();
        }
    }

    private static ChatMessage message(String id) {
        return ChatMessage.builder(CHAT, id, 1, T0).text(id).build();
    }

    private static void insert(Connection connection, String schema, String id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema + ".chat_messages "
                + "(chat_id, message_id, date, user_id, message_text) VALUES (?, ?, now(), 1, ?)")) {
            statement.setLong(1, CHAT);
            statement.setString(2, id);
            statement.setString(3, id);
            statement.executeUpdate();
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
        throw new AssertionError("the store's batch never waited for the other session's row");
    }
}
