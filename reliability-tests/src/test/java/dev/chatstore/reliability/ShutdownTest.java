package dev.chatstore.reliability;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.Storages;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Item 8: {@code close()} on a storage over two SQLite sources while 16 threads are calling it (writes, reads, fan-out
 * reads, pinned views). Every call either finishes or fails with a {@link StorageException} (never a
 * {@code NullPointerException}, a raw {@code SQLException}, a {@code RejectedExecutionException} or the like); once
 * close has begun, new calls get {@link StorageClosedException}; after close every pool thread (HikariCP's
 * housekeeper, adder, closer) and fan-out thread is gone. Rounds: {@code -Dreliability.shutdown.rounds} (5; 100 in
 * the soak), each closing at a random moment.
 */
class ShutdownTest {
    private static final int THREADS = 16;

    @TempDir
    Path dir;

    @Test
    void closeWhileCallsAreInFlightFailsThemCleanlyAndLeavesNoThread() throws Exception {
        int rounds = Integer.getInteger("reliability.shutdown.rounds", 5);
        long seed = Long.getLong("reliability.shutdown.seed", System.nanoTime());
        Random random = new Random(seed);
        assertThat(Threads.awaitNone(Threads.CHATSTORE, Duration.ofSeconds(5))).as("threads before").isEmpty();
        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        for (int round = 0; round < rounds; round++) {
            closeDuringCalls(round, 20 + random.nextInt(300), outcomes);
            List<String> left = Threads.awaitNone(Threads.CHATSTORE, Duration.ofSeconds(5));
            assertThat(left).as("threads left after close in round %d", round).isEmpty();
        }
        System.out.printf("ShutdownTest: %d rounds (seed %d), outcomes %s, 0 unclean failures, 0 threads left%n",
                rounds, seed, new java.util.TreeMap<>(outcomes));
    }

    private void closeDuringCalls(int round, int closeAfterMillis, Map<String, AtomicLong> outcomes) throws Exception {
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("a", Map.of("path", dir.resolve("a" + round + ".db").toString(), "pool-size", 2, "timeout", 2.0));
        sources.put("b", Map.of("path", dir.resolve("b" + round + ".db").toString(), "pool-size", 2, "timeout", 2.0));
        StorageConfig config = Configs.fromMap(Map.of("default", "a", "sources", sources,
                "chatMapping", Map.of(-2L, "b")));
        Storage storage = Storages.open(config, List.of(new SqliteStoreProvider()));
        storage.updateChatInfo(-1, ChatType.GROUP, "one", null, false);
        storage.updateChatInfo(-2, ChatType.GROUP, "two", null, false);
        assertThat(Threads.liveNames(Threads.CHATSTORE)).as("pool threads while open").isNotEmpty();

        List<Throwable> unclean = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(THREADS);
        CountDownLatch finished = new CountDownLatch(THREADS);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                started.countDown();
                try {
                    callUntilClosed(storage, thread, outcomes, unclean);
                } finally {
                    finished.countDown();
                }
            }, "shutdown-worker-" + t);
            workers.add(worker);
            worker.start();
        }
        started.await();
        ChildJvm.sleep(closeAfterMillis);
        long closeStart = System.nanoTime();
        storage.close();
        long closeMillis = (System.nanoTime() - closeStart) / 1_000_000;
        assertThat(finished.await(10, TimeUnit.SECONDS)).as("every worker ended after close").isTrue();
        assertThat(unclean).as("calls that failed uncleanly in round %d", round).isEmpty();
        assertThat(closeMillis).as("close() time").isLessThan(2_000 + 1_000);

        // Later calls: a clear "closed" error, on every path.
        List<Consumer<ChatStore>> later = List.of(ChatStore::getSettings, store -> store.getAllGroupChats(),
                store -> store.addChatMessage(message(-1, "after")), store -> store.setSetting("k", "v"));
        for (Consumer<ChatStore> call : later) {
            assertThatThrownBy(() -> call.accept(storage)).isInstanceOf(StorageClosedException.class)
                    .hasMessageContaining("closed");
        }
        assertThatThrownBy(() -> storage.source("a")).isInstanceOf(StorageClosedException.class);
        assertThatThrownBy(() -> storage.admin("a")).isInstanceOf(StorageClosedException.class);
        storage.close(); // idempotent
        workers.forEach(worker -> assertThat(worker.isAlive()).isFalse());
    }

    @Test
    void closeWhileCallsWaitOnALockedSourceFailsThemCleanlyWithinTheGrace() throws Exception {
        Path file = dir.resolve("locked.db");
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("locked", Map.of("path", file.toString(), "pool-size", 2, "timeout", 1.5));
        Storage storage = Storages.open(Configs.fromMap(Map.of("default", "locked", "sources", sources)),
                List.of(new SqliteStoreProvider()));
        storage.setSetting("before", "lock");
        List<Throwable> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch finished = new CountDownLatch(4);
        try (java.sql.Connection holder = TestFiles.connect(file, false);
             java.sql.Statement statement = holder.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            statement.executeUpdate("UPDATE settings SET value = 'held' WHERE key = 'before'");
            for (int t = 0; t < 4; t++) {
                int thread = t;
                new Thread(() -> {
                    try {
                        storage.setSetting("blocked-" + thread, "x");
                        outcomes.add(null);
                    } catch (Throwable e) {
                        outcomes.add(e);
                    } finally {
                        finished.countDown();
                    }
                }, "blocked-writer-" + t).start();
            }
            ChildJvm.sleep(200);
            long start = System.nanoTime();
            storage.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("close waits at most the grace")
                    .isLessThan(Duration.ofMillis(1_500 + 1_500));
            assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
            statement.execute("ROLLBACK");
        }
        assertThat(outcomes).hasSize(4).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("locked")));
        assertThat(Threads.awaitNone(Threads.CHATSTORE, Duration.ofSeconds(5))).isEmpty();
    }

    private static void callUntilClosed(Storage storage, int thread, Map<String, AtomicLong> outcomes,
            List<Throwable> unclean) {
        ChatStore pinned = null;
        for (int n = 0; ; n++) {
            try {
                if (pinned == null && thread % 4 == 0) {
                    pinned = storage.source("b");
                }
                switch ((thread + n) % 6) {
                    case 0 -> storage.addChatMessage(message(-1, "t" + thread + "-" + n));
                    case 1 -> storage.addChatMessages(List.of(message(-2, "t" + thread + "-" + n + "a"),
                            message(-2, "t" + thread + "-" + n + "b")));
                    case 2 -> storage.getChatMessages(-1, MessageQuery.latest(50));
                    case 3 -> storage.getAllGroupChats();
                    case 4 -> (pinned != null ? pinned : storage).getChatMessages(-2, MessageQuery.latest(10));
                    default -> storage.listChatsBySetting("x");
                }
                count(outcomes, "finished");
            } catch (StorageClosedException e) {
                count(outcomes, "StorageClosedException");
                return;
            } catch (StorageException e) {
                // In flight when its source closed: a clean failure if it says what happened.
                count(outcomes, e.getClass().getSimpleName());
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    unclean.add(e);
                }
            } catch (Throwable e) {
                unclean.add(e);
                return;
            }
        }
    }

    private static void count(Map<String, AtomicLong> outcomes, String outcome) {
        outcomes.computeIfAbsent(outcome, key -> new AtomicLong()).incrementAndGet();
    }

    private static ChatMessage message(long chat, String id) {
        return ChatMessage.builder(chat, id, 1, Instant.parse("2024-05-01T00:00:00Z")).text(id).build();
    }
}
