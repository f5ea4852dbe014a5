package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.testkit.Concurrently;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several stores on one schema, each with its own pool as separate host processes have: overlapping batches in
 * different orders make the writers collide on the same message rows and counter rows (deadlocks included), and
 * still every message is stored once and every counter is exact.
 */
class PostgresManyWritersTest {
    private static final long[] CHATS = {-1001, -1002, -1003};
    private static final int USERS = 5;
    private static final int MESSAGES = 300;
    private static final Instant T0 = Instant.parse("2024-03-01T23:59:00Z");

    @Test
    void overlappingBatchesFromFourStoresAreStoredOnceAndCountedExactly() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String schema = PostgresServer.freshSchema();
        List<ChatMessage> all = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            long chat = CHATS[i % CHATS.length];
            // Two UTC days, so the per-day counters of both are bumped from several writers at once.
            all.add(ChatMessage.builder(chat, "m" + i, 100 + i % USERS, T0.plusSeconds(i / 2)).text("text " + i)
                    .build());
        }
        List<ChatStore> stores = new ArrayList<>();
        try {
            for (int w = 0; w < 4; w++) {
                stores.add(PostgresTestSources.open(PostgresTestSources.config("primary", schema).withPoolSize(3)));
            }
            for (long chat : CHATS) {
                for (int u = 0; u < USERS; u++) {
                    stores.get(0).updateChatUser(chat, 100 + u, "user" + u, "User " + u);
                }
            }
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < stores.size(); w++) {
                ChatStore store = stores.get(w);
                List<ChatMessage> mine = new ArrayList<>(all);
                Collections.shuffle(mine, new Random(w));
                writers.add(() -> {
                    int stored = 0;
                    for (int from = 0; from < mine.size(); from += 50) {
                        stored += store.addChatMessages(mine.subList(from, Math.min(mine.size(), from + 50)));
                    }
                    return stored;
                });
            }
            List<Integer> stored = Concurrently.runTogether(writers);

            assertThat(stored.stream().mapToInt(Integer::intValue).sum()).as("messages reported stored")
                    .isEqualTo(MESSAGES);
            ChatStore reader = stores.get(0);
            for (long chat : CHATS) {
                List<ChatMessage> messages = reader.getChatMessages(chat, MessageQuery.all());
                assertThat(messages).hasSize(MESSAGES / CHATS.length);
                assertThat(messages).extracting(ChatMessage::messageId).doesNotHaveDuplicates();
                for (int u = 0; u < USERS; u++) {
                    long user = 100 + u;
                    long expected = all.stream().filter(m -> m.chatId() == chat && m.userId() == user).count();
                    ChatUser row = reader.getChatUser(chat, user).orElseThrow();
                    assertThat(row.messagesCount()).as("messages_count of %d in %d", user, chat).isEqualTo(expected);
                }
            }
            try (Connection c = server.admin().getConnection(); Statement s = c.createStatement()) {
                assertThat(sum(s, "SELECT sum(messages_count) FROM " + schema + ".chat_stats"))
                        .isEqualTo(MESSAGES);
                assertThat(sum(s, "SELECT sum(messages_count) FROM " + schema + ".chat_user_stats"))
                        .isEqualTo(MESSAGES);
                assertThat(sum(s, "SELECT count(*) FROM " + schema + ".chat_stats"))
                        .as("one row per chat and UTC day").isEqualTo(CHATS.length * 2);
            }
        } finally {
            stores.forEach(ChatStore::close);
        }
    }

    private static long sum(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
