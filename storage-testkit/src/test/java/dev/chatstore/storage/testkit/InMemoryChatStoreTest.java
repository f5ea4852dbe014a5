package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.CacheType;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.DuplicateMessageException;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StorageClosedException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.chatstore.storage.testkit.Samples.ALICE;
import static dev.chatstore.storage.testkit.Samples.BOB;
import static dev.chatstore.storage.testkit.Samples.CHAT;
import static dev.chatstore.storage.testkit.Samples.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract against the fake on a hand-advanced clock (so the timestamp tests do not sleep), plus what only
 * the fake can show: its clock, its name in messages, its day counters.
 */
class InMemoryChatStoreTest extends ChatStoreContract {
    /** Mid-second on purpose: stored times must be cut to whole seconds. */
    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00.750Z"));

    @Override
    protected ChatStore createStore() {
        return new InMemoryChatStore("contract", clock);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void letTimePass(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void ttlIsMeasuredInWholeSecondsOnTheGivenClock() {
        MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00.900Z"));
        InMemoryChatStore store = new InMemoryChatStore(clock);
        store.setCacheEntry(CacheType.WEATHER, "k", "v");
        assertThat(store.getCacheEntry(CacheType.WEATHER, "k", null).orElseThrow().updatedAt())
                .isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));

        clock.advance(Duration.ofMillis(10_099)); // 12:00:10.999: cutoff 12:00:00, the entry's own second
        assertThat(store.getCacheEntry(CacheType.WEATHER, "k", Duration.ofSeconds(10))).isPresent();
        clock.advance(Duration.ofMillis(1)); // 12:00:11.000: cutoff 12:00:01
        assertThat(store.getCacheEntry(CacheType.WEATHER, "k", Duration.ofSeconds(10))).isEmpty();
        assertThat(store.getCacheEntry(CacheType.WEATHER, "k", Duration.ofMillis(11_000))).isPresent();
        assertThat(store.getCacheEntry(CacheType.WEATHER, "k", Duration.ZERO)).isEmpty();
        assertThatThrownBy(() -> store.getCacheEntry(CacheType.WEATHER, "k", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampsComeFromTheClockCutToSeconds() {
        InMemoryChatStore store = new InMemoryChatStore(Clock.fixed(Instant.parse("2024-03-01T12:34:56.789Z"),
                java.time.ZoneOffset.UTC));
        store.updateChatUser(CHAT, ALICE, "alice", "Alice");

        ChatUser alice = store.getChatUser(CHAT, ALICE).orElseThrow();
        assertThat(alice.createdAt()).isEqualTo(Instant.parse("2024-03-01T12:34:56Z"));
        assertThat(alice.updatedAt()).isEqualTo(alice.createdAt());
    }

    @Test
    void messagesAreCountedPerUtcDayOfTheirDate() {
        InMemoryChatStore store = new InMemoryChatStore();
        store.addChatMessage(ChatMessage.builder(CHAT, "1", ALICE, Instant.parse("2024-03-01T23:59:59Z")).build());
        store.addChatMessage(ChatMessage.builder(CHAT, "2", ALICE, Instant.parse("2024-03-02T00:00:00Z")).build());
        store.addChatMessage(ChatMessage.builder(CHAT, "3", BOB, Instant.parse("2024-03-02T10:00:00Z")).build());
        assertThatThrownBy(() -> store.addChatMessage(message(CHAT, "3", BOB, 0)))
                .isInstanceOf(DuplicateMessageException.class);

        LocalDate first = LocalDate.parse("2024-03-01");
        LocalDate second = LocalDate.parse("2024-03-02");
        assertThat(store.chatMessagesOn(CHAT, first)).isEqualTo(1);
        assertThat(store.chatMessagesOn(CHAT, second)).as("the duplicate is not counted").isEqualTo(2);
        assertThat(store.userMessagesOn(CHAT, ALICE, second)).isEqualTo(1);
        assertThat(store.userMessagesOn(CHAT, BOB, second)).isEqualTo(1);
        assertThat(store.userMessagesOn(CHAT, BOB, first)).isZero();
    }

    @Test
    void messagesNameTheStore() {
        InMemoryChatStore store = new InMemoryChatStore("archive");
        store.addChatMessage(message("1", 0));

        assertThatThrownBy(() -> store.addChatMessage(message("1", 0)))
                .hasMessageContaining("'archive'").hasMessageContaining("addChatMessage");
        store.close();
        assertThatThrownBy(() -> store.getSettings()).isInstanceOf(StorageClosedException.class)
                .hasMessageContaining("'archive'").hasMessageContaining("getSettings");
        assertThat(store).hasToString("In-memory store 'archive'");
    }

    @Test
    void closeStopsWritersMidStreamAndEveryLaterCallIsRefused() throws Exception {
        InMemoryChatStore store = new InMemoryChatStore();
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch started = new CountDownLatch(8);
            List<Future<Integer>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String prefix = "t" + t + "-";
                writers.add(executor.submit(() -> {
                    started.countDown();
                    int stored = 0;
                    try {
                        while (true) {
                            store.addChatMessage(message(prefix + stored, 0));
                            stored++;
                        }
                    } catch (StorageClosedException closed) {
                        return stored;
                    }
                }));
            }
            started.await();
            store.close();
            store.close();
            for (Future<Integer> writer : writers) {
                assertThat(writer.get(1, TimeUnit.MINUTES)).isNotNegative();
            }
            assertThatThrownBy(() -> store.getChatMessages(CHAT, MessageQuery.all()))
                    .isInstanceOf(StorageClosedException.class);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Every domain at once from 16 threads: no exception from inside a table, and nothing lost. */
    @Test
    void sixteenThreadsMixingEveryDomainLeaveConsistentState() throws Exception {
        InMemoryChatStore store = new InMemoryChatStore();
        int threads = 16;
        int rounds = 60;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long user = 100 + t;
                workers.add(executor.submit(() -> {
                    start.await();
                    store.updateChatUser(CHAT, user, "u" + user, "User");
                    for (int i = 0; i < rounds; i++) {
                        String key = user + "-" + i;
                        store.addChatMessage(message(CHAT, key, user, i % 60));
                        store.setChatSetting(CHAT, key, key);
                        store.addUserData(user, CHAT, "k" + i, key);
                        store.setCacheStorage("ns", key, key);
                        store.addSpamMessage(Samples.spam(CHAT, user, key, key));
                        store.addDelayedTask(key, "f", "{}", Samples.T0.plusSeconds(i));
                        assertThat(store.getChatMessages(CHAT, MessageQuery.latest(5))).hasSizeLessThanOrEqualTo(5);
                        assertThat(store.getChatSetting(CHAT, key)).hasValue(key);
                        assertThat(store.getCacheStorage()).isNotEmpty();
                        assertThat(store.getSpamMessages(3)).isNotEmpty();
                        assertThat(store.getPendingDelayedTasks()).isNotEmpty();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }
        } finally {
            executor.shutdownNow();
        }

        int total = threads * rounds;
        assertThat(store.getChatMessages(CHAT, MessageQuery.all())).hasSize(total);
        assertThat(store.getChatSettings(CHAT)).hasSize(total);
        assertThat(store.getCacheStorage()).hasSize(total);
        assertThat(store.getSpamMessages(Integer.MAX_VALUE)).hasSize(total);
        assertThat(store.getPendingDelayedTasks()).hasSize(total);
        assertThat(store.getChatUsers(CHAT, 100, null)).hasSize(threads)
                .allSatisfy(user -> assertThat(user.messagesCount()).isEqualTo(rounds));
        assertThat(store.getUserData(100, CHAT)).hasSize(rounds);
    }
}
