package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Many threads through one facade: routed writes, reads and fan-outs at once, then a close under load. */
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int ROUNDS = 150;
    private static final long[] CHATS = {-1L, -2L, -3L, -4L};
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final StorageConfig config = TestStores.config("a", List.of(TestStores.source("a"),
            TestStores.source("b")), Map.of(-1L, "b", -2L, "b"));
    private final InMemoryChatStore a = new InMemoryChatStore("a");
    private final InMemoryChatStore b = new InMemoryChatStore("b");

    @Test
    void manyThreadsThroughTheFacadeSeeConsistentRouting() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Storage storage = Storages.of(config, Map.of("a", a, "b", b))) {
            for (long chat : CHATS) {
                storage.updateChatInfo(chat, ChatType.SUPERGROUP, "chat " + chat, null, false);
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        long chat = CHATS[(thread + round) % CHATS.length];
                        storage.addChatMessage(ChatMessage.builder(chat, thread + "-" + round, thread, NOW).build());
                        assertThat(storage.getChatInfo(chat)).isPresent();
                        assertThat(storage.getAllGroupChats()).extracting(ChatInfo::chatId)
                                .containsExactly(-4L, -3L, -2L, -1L);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(50, TimeUnit.SECONDS);
            }

            int perChat = THREADS * ROUNDS / CHATS.length;
            assertThat(b.getChatMessages(-1L, MessageQuery.all())).hasSize(perChat);
            assertThat(b.getChatMessages(-2L, MessageQuery.all())).hasSize(perChat);
            assertThat(a.getChatMessages(-3L, MessageQuery.all())).hasSize(perChat);
            assertThat(a.getChatMessages(-4L, MessageQuery.all())).hasSize(perChat);
            assertThat(a.getChatMessages(-1L, MessageQuery.all())).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callsRacingACloseEitherSucceedOrAreRefusedCleanly() throws Exception {
        Storage storage = Storages.of(config, Map.of("a", a, "b", b));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        try {
            CountDownLatch running = new CountDownLatch(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Void>) () -> {
                    running.countDown();
                    for (int round = 0; ; round++) {
                        try {
                            storage.setChatSetting(CHATS[round % CHATS.length], "k" + thread, "v" + round);
                            storage.listChatsBySetting("k" + thread);
                            succeeded.incrementAndGet();
                        } catch (StorageClosedException e) {
                            refused.incrementAndGet();
                            return null;
                        }
                    }
                }));
            }
            running.await(10, TimeUnit.SECONDS);
            storage.close();
            for (Future<?> future : futures) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refused).hasValue(THREADS);
        assertThat(succeeded.get()).isPositive();
    }
}
