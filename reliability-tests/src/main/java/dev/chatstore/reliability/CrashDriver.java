package dev.chatstore.reliability;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of the crash test: writes messages into one SQLite file as fast as it can, from two threads (one
 * storing single messages, one storing batches), and prints {@code ACK chatId messageId} for each message only after
 * the call that stored it has returned, that is after its transaction committed. The test kills it with SIGKILL at
 * a random moment and checks that every acknowledged message survived.
 *
 * <p>Arguments: the database file and the round number (which makes message ids unique across rounds). Prints
 * {@code READY} once the store is open. Exits by itself after {@link #MAX_RUN} in case its parent died.
 */
public final class CrashDriver {
    static final long SINGLE_CHAT = -1001000000001L;
    static final long BATCH_CHAT = -1001000000002L;
    private static final Duration MAX_RUN = Duration.ofSeconds(60);
    private static final Instant DAY = Instant.parse("2024-06-01T00:00:00Z");

    private CrashDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        // Autoflush off: each acknowledgement is flushed explicitly, after its commit.
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        ChatStore store = new SqliteStoreProvider().open(
                new SourceConfig("crash", SqliteStoreProvider.TYPE, false, 2, Duration.ofSeconds(10), java.util.Map.of("path", file.toString())));
        store.updateChatUser(SINGLE_CHAT, 7, "writer", "Single Writer");
        store.updateChatUser(BATCH_CHAT, 8, "batcher", "Batch Writer");
        long deadline = System.nanoTime() + MAX_RUN.toNanos();
        Thread batches = new Thread(() -> {
            for (int n = 0; System.nanoTime() < deadline; n++) {
                List<ChatMessage> batch = new ArrayList<>();
                for (int i = 0; i < 1 + n % 20; i++) {
                    batch.add(message(BATCH_CHAT, 8, "r" + round + "-b" + n + "-" + i, n));
                }
                store.addChatMessages(batch);
                acknowledge(out, batch);
            }
        }, "batch-writer");
        batches.setDaemon(true);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        batches.start();
        for (int n = 0; System.nanoTime() < deadline; n++) {
            ChatMessage message = message(SINGLE_CHAT, 7, "r" + round + "-s" + n, n);
            store.addChatMessage(message);
            acknowledge(out, List.of(message));
        }
        System.exit(3); // not killed within MAX_RUN: the parent is gone
    }

    private static ChatMessage message(long chatId, long userId, String id, int n) {
        // Several days, so the per-day counters get several rows; a text long enough to span pages now and then.
        return ChatMessage.builder(chatId, id, userId, DAY.plusSeconds(3_600L * (n % 72)))
                .text("message " + id + " " + "x".repeat(n % 7 == 0 ? 5_000 : 20)).build();
    }

    private static void acknowledge(PrintStream out, List<ChatMessage> messages) {
        synchronized (out) {
            for (ChatMessage message : messages) {
                out.print("ACK " + message.chatId() + " " + message.messageId() + "\n");
            }
            out.flush();
        }
    }
}
