package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.StoreAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.chatstore.sqlite.SqliteTestFiles.GROUP;
import static dev.chatstore.sqlite.SqliteTestFiles.connect;
import static dev.chatstore.sqlite.SqliteTestFiles.count;
import static dev.chatstore.sqlite.SqliteTestFiles.execute;
import static dev.chatstore.sqlite.SqliteTestFiles.writable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index budget (V5): on the four tables a stored message writes, only the indexes an operation needs and none
 * whose key changes on every message; a file an earlier Chatstore created gets the same set from {@code migrate}.
 */
class SqliteIndexBudgetTest {
    /** Every non-key index on chat_messages, chat_users, chat_stats and chat_user_stats, by name. */
    static final List<String> BUDGET = List.of("chatstore_chat_messages_chat_date_user",
            "chatstore_chat_messages_replies", "chatstore_chat_users_user");
    /** What V3 created there, as a file Chatstore wrote before V5 has it. */
    private static final String LEVEL_4_INDEXES = """
            DROP INDEX chatstore_chat_messages_chat_date_user;
            DROP INDEX chatstore_chat_messages_replies;
            CREATE INDEX chatstore_chat_messages_chat_date ON chat_messages (chat_id, date);
            CREATE INDEX chatstore_chat_messages_chat_user_date ON chat_messages (chat_id, user_id, date);
            CREATE INDEX chatstore_chat_messages_chat_root ON chat_messages (chat_id, root_message_id);
            CREATE INDEX chatstore_chat_users_chat_updated ON chat_users (chat_id, updated_at);
            DELETE FROM chatstore_schema_history WHERE version = '5';
            """;

    private final SqliteStoreProvider provider = new SqliteStoreProvider();

    @TempDir
    Path dir;

    @Test
    void aNewFileHasOnlyTheBudgetedIndexesOnTheTablesAMessageWrites() throws Exception {
        Path file = dir.resolve("new.db");
        try (ChatStore store = provider.open(writable("primary", file))) {
            ((StoreAdmin) store).migrate();
        }
        assertThat(messageTableIndexes(file)).isEqualTo(BUDGET);
    }

    @Test
    void aFileChatstoreCreatedEarlierGetsTheNewSetFromMigrateWithItsRows() throws Exception {
        Path file = dir.resolve("earlier.db");
        try (ChatStore store = provider.open(writable("primary", file))) {
            store.updateChatUser(GROUP, 1001, "@alice", "Alice");
            store.addChatMessage(message("1", "1", 10));
            store.addChatMessage(ChatMessage.builder(GROUP, "2", 1001, Instant.ofEpochSecond(20)).replyId("1")
                    .rootMessageId("1").text("reply").build());
        }
        execute(file, LEVEL_4_INDEXES);
        assertThat(messageTableIndexes(file)).contains("chatstore_chat_users_chat_updated");

        try (ChatStore store = provider.open(writable("primary", file))) {
            assertThat(((StoreAdmin) store).migrate()).isEqualTo(new MigrationResult("primary", "6+chatstore-4",
                    "6+chatstore-" + SqliteSchema.CHATSTORE_LEVEL, true));
            assertThat(store.getChatMessagesByRootId(GROUP, "1", null)).extracting(ChatMessage::messageId)
                    .containsExactly("1", "2");
            assertThat(store.getChatMessages(GROUP, MessageQuery.all())).hasSize(2);
        }
        assertThat(messageTableIndexes(file)).isEqualTo(BUDGET);
    }

    @Test
    void onlyRepliesEnterTheRepliesIndexAndAThreadIsItsRootAndItsReplies() throws Exception {
        Path file = dir.resolve("thread.db");
        try (ChatStore store = provider.open(writable("primary", file))) {
            store.addChatMessage(message("1", "1", 10));
            store.addChatMessage(message("2", "2", 20));
            store.addChatMessage(ChatMessage.builder(GROUP, "3", 1001, Instant.ofEpochSecond(30)).replyId("1")
                    .rootMessageId("1").threadId(7).text("reply in a topic").build());
            store.addChatMessage(ChatMessage.builder(GROUP, "4", 1002, Instant.ofEpochSecond(40)).replyId("3")
                    .rootMessageId("1").text("reply to the reply").build());

            assertThat(store.getChatMessagesByRootId(GROUP, "1", null)).extracting(ChatMessage::messageId)
                    .containsExactly("1", "3", "4");
            assertThat(store.getChatMessagesByRootId(GROUP, "1", 7L)).extracting(ChatMessage::messageId)
                    .containsExactly("3");
            assertThat(store.getChatMessagesByRootId(GROUP, "2", null)).extracting(ChatMessage::messageId)
                    .containsExactly("2");
            assertThat(store.getChatMessagesByRootId(GROUP, "3", null)).as("a reply is no root").isEmpty();
        }
        assertThat(count(file, "SELECT count(*) FROM chat_messages INDEXED BY chatstore_chat_messages_replies "
                + "WHERE chat_id = " + GROUP + " AND root_message_id <> message_id AND root_message_id >= ''"))
                .as("entries of the partial index: the two replies").isEqualTo(2);
    }

    @Test
    void theReadsOfTheDroppedIndexesAreServedByTheRemainingOnes() throws Exception {
        Path file = dir.resolve("plans.db");
        try (ChatStore store = provider.open(writable("primary", file))) {
            ((StoreAdmin) store).migrate();
        }
        String select = "SELECT m.message_id FROM chat_messages m ";
        assertThat(plan(file, select + "WHERE m.chat_id = 1 ORDER BY m.date DESC, m.rowid DESC LIMIT 50"))
                .contains("USING INDEX chatstore_chat_messages_chat_date_user (chat_id=?)");
        assertThat(plan(file, select + "WHERE m.chat_id = 1 AND m.user_id = 2 ORDER BY m.date DESC, m.rowid DESC "
                + "LIMIT 100")).contains("USING INDEX chatstore_chat_messages_chat_date_user (chat_id=?)");
        assertThat(plan(file, "SELECT rowid FROM chat_messages WHERE chat_id = 1 AND root_message_id = 'x' "
                + "AND root_message_id <> message_id"))
                .contains("USING INDEX chatstore_chat_messages_replies (chat_id=? AND root_message_id=?)");
        assertThat(plan(file, "SELECT chat_id FROM chat_users WHERE user_id = 5"))
                .contains("chatstore_chat_users_user (user_id=?)");
        assertThat(plan(file, "SELECT user_id FROM chat_users WHERE chat_id = 1 ORDER BY updated_at DESC, user_id "
                + "LIMIT 10")).as("members of a chat by the primary key, then sorted")
                .contains("sqlite_autoindex_chat_users_1 (chat_id=?)");
    }

    private static ChatMessage message(String id, String root, long epochSecond) {
        return ChatMessage.builder(GROUP, id, 1001, Instant.ofEpochSecond(epochSecond)).rootMessageId(root)
                .text("message " + id).build();
    }

    static List<String> messageTableIndexes(Path file) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect(file); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS "
                     + "NOT NULL AND tbl_name IN ('chat_messages', 'chat_users', 'chat_stats', 'chat_user_stats') "
                     + "ORDER BY name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String plan(Path file, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = connect(file); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rows.next()) {
                plan.append(rows.getString(4)).append('\n');
            }
        }
        return plan.toString();
    }
}
