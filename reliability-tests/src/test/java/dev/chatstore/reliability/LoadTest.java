package dev.chatstore.reliability;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.Storages;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 7: two SQLite sources with {@code pool-size = 2}, 32 threads mixing writes, reads and fan-out reads for a
 * bounded time ({@code -Dreliability.load.seconds}, 3 by default, 120 in the soak). Four of the threads go through
 * a second storage over the same files, with pools and write locks of its own, as another process would, so SQLite's
 * own locking (busy timeout) is exercised, not only the plugin's in-process write lock. Asserted: no call fails (so no
 * {@code SQLITE_BUSY} and no pool timeout), no call waits as long as the source's timeout, every acknowledged write is
 * in the files, and the counters agree with the rows.
 */
class LoadTest {
    private static final int THREADS = 32;
    private static final int OTHER_PROCESS_THREADS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long CHAT_A = -1001000000001L;
    private static final long CHAT_B = -1001000000002L;

    @TempDir
    Path dir;

    @Test
    void thirtyTwoThreadsOverPoolsOfTwoLoseNothingAndNeverSeeBusy() throws Exception {
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("a", Map.of("path", dir.resolve("a.db").toString(), "pool-size", 2, "timeout", 10.0));
        sources.put("b", Map.of("path", dir.resolve("b.db").toString(), "pool-size", 2, "timeout", 10.0));
        StorageConfig config = Configs.fromMap(Map.of("default", "a", "sources", sources,
                "chatMapping", Map.of(CHAT_B, "b")));
        long seconds = Long.getLong("reliability.load.seconds", 3);
        Map<String, Set<String>> written = new ConcurrentHashMap<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        LongAccumulator slowestNanos = new LongAccumulator(Math::max, 0);
        AtomicLong calls = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        AtomicLong fanOuts = new AtomicLong();

        try (Storage storage = Storages.open(config, List.of(new SqliteStoreProvider()));
             Storage otherProcess = Storages.open(config, List.of(new SqliteStoreProvider()))) {
            for (long chat : List.of(CHAT_A, CHAT_B)) {
                storage.updateChatInfo(chat, ChatType.SUPERGROUP, "chat " + chat, null, false);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            CountDownLatch done = new CountDownLatch(THREADS);
            for (int t = 0; t < THREADS; t++) {
                Storage through = t < OTHER_PROCESS_THREADS ? otherProcess : storage;
                int thread = t;
                Thread worker = new Thread(() -> {
                    try {
                        work(through, thread, deadline, written, slowestNanos, calls, writes, fanOuts);
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        done.countDown();
                    }
                }, "load-" + t);
                worker.start();
            }
            assertThat(done.await(seconds + 60, java.util.concurrent.TimeUnit.SECONDS)).as("workers finished").isTrue();
        }

        assertThat(failures).as("failed calls").isEmpty();
        assertThat(Duration.ofNanos(slowestNanos.get())).as("slowest call").isLessThan(TIMEOUT);
        long rows = 0;
        for (String source : List.of("a", "b")) {
            try (Connection connection = TestFiles.connect(dir.resolve(source + ".db"), true)) {
                Set<String> stored = new HashSet<>(TestFiles.column(connection,
                        "SELECT chat_id || ':' || message_id FROM chat_messages"));
                Set<String> lost = new HashSet<>(written.getOrDefault(source, Set.of()));
                lost.removeAll(stored);
                assertThat(lost).as("acknowledged writes missing from source %s", source).isEmpty();
                assertThat(TestFiles.number(connection, "SELECT coalesce(sum(messages_count), 0) FROM chat_stats"))
                        .isEqualTo(stored.size());
                assertThat(TestFiles.column(connection, "PRAGMA integrity_check")).containsExactly("ok");
                rows += stored.size();
            }
        }
        System.out.printf("LoadTest: %d s, %d threads over pool-size 2, %d calls (%d writes, %d fan-outs), "
                + "%d rows checked, slowest call %d ms, 0 failures%n", seconds, THREADS, calls.get(), writes.get(),
                fanOuts.get(), rows, slowestNanos.get() / 1_000_000);
    }

    private static void work(Storage storage, int thread, long deadline, Map<String, Set<String>> written,
            LongAccumulator slowestNanos, AtomicLong calls, AtomicLong writes, AtomicLong fanOuts) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> mine = new ArrayList<>();
        for (int n = 0; System.nanoTime() < deadline; n++) {
            long chat = random.nextBoolean() ? CHAT_A : CHAT_B;
            String source = chat == CHAT_A ? "a" : "b";
            long start = System.nanoTime();
            int dice = random.nextInt(100);
            if (dice < 35) {
                String id = "t" + thread + "-" + n;
                storage.addChatMessage(message(chat, id, thread));
                record(written, source, chat, id, mine);
                writes.incrementAndGet();
            } else if (dice < 45) {
                List<ChatMessage> batch = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    batch.add(message(chat, "t" + thread + "-" + n + "-" + i, thread));
                }
                storage.addChatMessages(batch);
                batch.forEach(message -> record(written, source, chat, message.messageId(), mine));
                writes.incrementAndGet();
            } else if (dice < 55) {
                storage.updateChatUser(chat, 1000 + thread, "user" + thread, "User " + n);
                storage.setChatSetting(chat, "k" + thread, "v" + n);
                writes.incrementAndGet();
            } else if (dice < 85) {
                storage.getChatMessages(chat, MessageQuery.latest(20));
                if (!mine.isEmpty()) {
                    String[] key = mine.get(random.nextInt(mine.size())).split(":");
                    assertThat(storage.getChatMessage(Long.parseLong(key[0]), key[1])).as("own write").isPresent();
                }
                storage.getChatUsers(chat, 50, null);
            } else {
                assertThat(storage.getAllGroupChats()).hasSize(2);
                storage.listChatsBySetting("k" + thread);
                fanOuts.incrementAndGet();
            }
            slowestNanos.accumulate(System.nanoTime() - start);
            calls.incrementAndGet();
        }
    }

    private static ChatMessage message(long chat, String id, int thread) {
        return ChatMessage.builder(chat, id, 1000 + thread, Instant.parse("2024-05-01T00:00:00Z").plusSeconds(thread))
                .text("load " + id).build();
    }

    private static void record(Map<String, Set<String>> written, String source, long chat, String id, List<String> mine) {
        written.computeIfAbsent(source, key -> ConcurrentHashMap.newKeySet()).add(chat + ":" + id);
        mine.add(chat + ":" + id);
    }
}
