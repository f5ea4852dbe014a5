package dev.chatstore.benchmarks;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StoreAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The 10M harness's generator writes a file the store reads as an ingest would have left it (on 4,000 messages). */
class BigFileTest {
    private static final long CHAT = BigFile.FIRST_CHAT - 7; // the 8th chat

    @Test
    void writesMessagesMembersAndStatisticsTheStoreReads(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("big.db");
        BigFile.main(new String[] {file.toString(), "4000", "20", "300", "15"});

        try (ChatStore store = Sqlite.open(file.toString())) {
            assertThat(store.getAllGroupChats()).hasSize(20);
            List<ChatMessage> latest = store.getChatMessages(CHAT, MessageQuery.latest(50));
            // 4,000 messages over 20 chats, round robin one second apart: 200 per chat, newest first.
            assertThat(latest).hasSize(50);
            assertThat(latest.get(0).messageId()).isEqualTo("200");
            assertThat(latest.get(0).date()).isEqualTo(Instant.ofEpochSecond(BigFile.START_EPOCH + 199 * 20 + 7));
            assertThat(latest).allSatisfy(m -> assertThat(m.username()).startsWith("@user_"));
            assertThat(store.getChatMessagesByRootId(CHAT, "5", null)).extracting(ChatMessage::messageId)
                    .containsExactly("5", "6");
            assertThat(store.getUserChats(latest.get(0).userId())).isNotEmpty();
            assertThat(((StoreAdmin) store).statusWithCounts().messages()).isEqualTo(4000);
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement()) {
            assertThat(longOf(statement, "SELECT count(*) FROM chat_users")).isEqualTo(20 * 15);
            assertThat(longOf(statement, "SELECT sum(messages_count) FROM chat_users")).isEqualTo(4000);
            assertThat(longOf(statement, "SELECT sum(messages_count) FROM chat_stats")).isEqualTo(4000);
            assertThat(longOf(statement, "SELECT sum(messages_count) FROM chat_user_stats")).isEqualTo(4000);
            assertThat(longOf(statement, "SELECT count(*) FROM chat_messages WHERE reply_id IS NOT NULL"))
                    .isEqualTo(20 * 20); // every tenth message of a chat
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
                mode.next();
                assertThat(mode.getString(1)).isEqualTo("wal");
            }
        }
    }

    private static long longOf(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
