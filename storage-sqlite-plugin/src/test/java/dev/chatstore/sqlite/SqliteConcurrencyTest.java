package dev.chatstore.sqlite;

import dev.chatstore.storage.testkit.Concurrently;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.MessageQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8 writer threads of 1,000 messages each and 4 readers on one file source with pool-size 4: every row arrives,
 * and no SQLITE_BUSY reaches a caller (writes queue on the source's write lock, readers use WAL snapshots).
 */
class SqliteConcurrencyTest {
    private static final int WRITERS = 8;
    private static final int READERS = 4;
    private static final int MESSAGES_PER_WRITER = 1_000;
    private static final long CHAT = -1001234567890L;
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void eightWritersAndFourReadersLoseNothingAndNeverSeeBusy() throws Exception {
        Path file = dir.resolve("busy.db");
        try (ChatStore store = new SqliteStoreProvider().open(
                SqliteTestFiles.writable("busy", file).withPoolSize(4))) {
            for (int w = 0; w < WRITERS; w++) {
                store.updateChatUser(CHAT, 100 + w, "writer" + w, "Writer " + w);
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong reads = new AtomicLong();
            CountDownLatch writersLeft = new CountDownLatch(WRITERS);
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                tasks.add(() -> {
                    try {
                        for (int i = 0; i < MESSAGES_PER_WRITER; i++) {
                            store.addChatMessage(ChatMessage.builder(CHAT, writer + "-" + i, 100 + writer,
                                    T0.plusSeconds(i)).text("message " + i + " of writer " + writer).build());
                        }
                    } finally {
                        writersLeft.countDown();
                        if (writersLeft.getCount() == 0) {
                            writing.set(false);
                        }
                    }
                    return null;
                });
            }
            for (int r = 0; r < READERS; r++) {
                int reader = r;
                tasks.add(() -> {
                    while (writing.get()) {
                        assertThat(store.getChatMessages(CHAT, MessageQuery.latest(50))).hasSizeLessThanOrEqualTo(50);
                        assertThat(store.getChatUser(CHAT, 100 + reader)).isPresent();
                        store.getChatMessagesByUser(CHAT, 100 + reader, 20);
                        reads.incrementAndGet();
                    }
                    return null;
                });
            }
            Concurrently.runTogether(tasks);

            assertThat(reads.get()).as("readers ran while writers wrote").isPositive();
            List<ChatMessage> all = store.getChatMessages(CHAT, MessageQuery.all());
            assertThat(all).hasSize(WRITERS * MESSAGES_PER_WRITER);
            assertThat(all).extracting(ChatMessage::messageId).doesNotHaveDuplicates();
            for (int w = 0; w < WRITERS; w++) {
                assertThat(store.getChatUser(CHAT, 100 + w)).get().extracting(ChatUser::messagesCount)
                        .isEqualTo((long) MESSAGES_PER_WRITER);
            }
        }
        assertThat(SqliteTestFiles.count(file, "SELECT sum(messages_count) FROM chat_user_stats"))
                .isEqualTo(WRITERS * MESSAGES_PER_WRITER);
    }
}
