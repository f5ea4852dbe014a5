package dev.chatstore.storage.routing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Fan-out reads: parallel, bounded per source, de-duplicated with the owner winning, ordered, skip or fail. */
class FanOutAggregatorTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    private final Map<String, InMemoryChatStore> memory = new LinkedHashMap<>();
    private final Map<String, ChatStore> stores = new LinkedHashMap<>();
    private final List<FanOutAggregator> aggregators = new ArrayList<>();

    FanOutAggregatorTest() {
        for (String name : List.of("a", "b", "c")) {
            memory.put(name, new InMemoryChatStore(name));
            stores.put(name, memory.get(name));
        }
    }

    @AfterEach
    void closeAggregators() {
        aggregators.forEach(FanOutAggregator::close);
    }

    @Test
    void sourcesAreAskedInParallel() throws Exception {
        group("a", -1L, "from a");
        group("b", -2L, "from b");
        group("c", -3L, "from c");
        // Each source waits until all three have been called: a sequential aggregator would never get past the first.
        CyclicBarrier allCalled = new CyclicBarrier(3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (String name : List.of("a", "b", "c")) {
            intercept(name, "getAllGroupChats", arguments -> {
                threads.add(Thread.currentThread().getName());
                await(allCalled);
                return memory.get(name).getAllGroupChats();
            });
        }
        ChatStore aggregator = aggregator(OnSourceFailure.FAIL, Map.of(), Map.of());

        List<ChatInfo> chats = assertTimeoutPreemptively(Duration.ofSeconds(15), aggregator::getAllGroupChats);

        assertThat(chats).extracting(ChatInfo::title).containsExactly("from c", "from b", "from a");
        assertThat(threads).hasSize(3).allSatisfy(thread -> assertThat(thread).startsWith("chatstore-fanout-"));
    }

    @Test
    void duplicateChatsKeepTheOwningSourcesRowElseTheFirstSourceInConfigOrder() {
        long mappedToC = -100L;
        long unmappedInBAndC = -200L;
        long unmappedInAAndC = -300L;
        long mappedToB = -400L;
        for (String name : List.of("a", "b", "c")) {
            group(name, mappedToC, name + ": mapped to c");
        }
        group("b", unmappedInBAndC, "b: unmapped");
        group("c", unmappedInBAndC, "c: unmapped");
        group("a", unmappedInAAndC, "a: default owns it");
        group("c", unmappedInAAndC, "c: stray copy");
        group("a", mappedToB, "a: stray copy");
        group("b", mappedToB, "b: mapped to b");
        FanOutAggregator aggregator = newAggregator(OnSourceFailure.FAIL, Map.of(mappedToC, "c", mappedToB, "b"),
                Map.of());

        List<ChatInfo> chats = aggregator.asChatStore().getAllGroupChats();
        List<Sourced<ChatInfo>> sourced = aggregator.fanOutWithSources("getAllGroupChats",
                (name, store) -> store.getAllGroupChats());

        assertThat(chats).extracting(ChatInfo::title)
                .containsExactly("b: mapped to b", "a: default owns it", "b: unmapped", "c: mapped to c");
        assertThat(sourced).extracting(Sourced::sourceName).containsExactly("b", "a", "b", "c");
        assertThat(sourced).extracting(Sourced::value).containsExactlyElementsOf(chats);
    }

    @Test
    void rowsAreOrderedByChatIdAscendingAcrossSources() {
        group("a", 7L, "seven");
        group("b", -1003L, "minus 1003");
        group("c", 2L, "two");
        group("a", -1001L, "minus 1001");
        group("b", 100L, "hundred");

        List<ChatInfo> chats = aggregator(OnSourceFailure.FAIL, Map.of(), Map.of()).getAllGroupChats();

        assertThat(chats).extracting(ChatInfo::chatId).containsExactly(-1003L, -1001L, 2L, 7L, 100L);
        assertThat(chats).isUnmodifiable();
    }

    @Test
    void listChatsBySettingIsAMapByChatIdWithTheOwnersValue() {
        memory.get("c").setChatSetting(5L, "lang", "c-five");
        memory.get("a").setChatSetting(5L, "lang", "a-five");
        memory.get("b").setChatSetting(-9L, "lang", "b-minus-nine");
        memory.get("a").setChatSetting(3L, "lang", "a-three");
        memory.get("c").setChatSetting(3L, "lang", "c-three");

        Map<Long, String> settings = aggregator(OnSourceFailure.FAIL, Map.of(3L, "c"), Map.of())
                .listChatsBySetting("lang");

        assertThat(settings).containsExactly(Map.entry(-9L, "b-minus-nine"), Map.entry(3L, "c-three"),
                Map.entry(5L, "a-five"));
    }

    @Test
    void hungSourceIsCutAtItsTimeoutAndCancelled() {
        group("a", -1L, "from a");
        group("c", -3L, "from c");
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        intercept("b", "getAllGroupChats", arguments -> {
            try {
                never.await();
                throw new AssertionError("unreachable");
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw new StorageException("interrupted");
            }
        });
        ChatStore aggregator = aggregator(OnSourceFailure.SKIP, Map.of(), Map.of("b", Duration.ofMillis(200)));

        try (CapturedLog log = new CapturedLog(FanOutAggregator.class)) {
            List<ChatInfo> chats = assertTimeoutPreemptively(Duration.ofSeconds(10), aggregator::getAllGroupChats);

            assertThat(chats).extracting(ChatInfo::title).containsExactly("from c", "from a");
            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("'b'", "getAllGroupChats", "timeout of 200 ms");
            });
        }
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> interrupted.await());
    }

    @Test
    void skipPolicyReturnsTheOtherRowsAndLogsOneWarnNamingSourceAndCause() {
        group("a", -1L, "from a");
        group("c", -3L, "from c");
        intercept("b", "getAllGroupChats", arguments -> {
            throw new StorageException("disk on fire");
        });

        try (CapturedLog log = new CapturedLog(FanOutAggregator.class)) {
            List<ChatInfo> chats = aggregator(OnSourceFailure.SKIP, Map.of(), Map.of()).getAllGroupChats();

            assertThat(chats).extracting(ChatInfo::title).containsExactly("from c", "from a");
            List<ILoggingEvent> events = log.events();
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("'b'", "disk on fire", "getAllGroupChats");
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("disk on fire");
            });
        }
    }

    @Test
    void failPolicyThrowsSourceUnavailableCarryingThePartialResult() {
        group("a", -1L, "from a");
        group("c", -3L, "from c");
        StorageException cause = new StorageException("disk on fire");
        intercept("b", "getAllGroupChats", arguments -> {
            throw cause;
        });
        ChatStore aggregator = aggregator(OnSourceFailure.FAIL, Map.of(), Map.of());

        assertThatThrownBy(aggregator::getAllGroupChats)
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                    assertThat(e.sourceName()).isEqualTo("b");
                    assertThat(e.getCause()).isSameAs(cause);
                    assertThat(e.getMessage()).contains("Source 'b'", ":memory:", "disk on fire");
                    assertThat(e.partialResult()).hasValueSatisfying(partial ->
                            assertThat((List<?>) partial).extracting(row -> ((ChatInfo) row).title())
                                    .containsExactly("from c", "from a"));
                });
    }

    @Test
    void failPolicyNamesTheFirstFailedSourceAndSuppressesTheOthers() {
        intercept("b", "findChatsByUsername", arguments -> {
            throw new StorageException("b is down");
        });
        intercept("c", "findChatsByUsername", arguments -> {
            throw new StorageException("c is down");
        });

        assertThatThrownBy(() -> aggregator(OnSourceFailure.FAIL, Map.of(), Map.of()).findChatsByUsername("x"))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                    assertThat(e.sourceName()).isEqualTo("b");
                    assertThat(e.getSuppressed()).singleElement()
                            .satisfies(other -> assertThat(other).hasMessageContaining("c is down"));
                    assertThat(e.partialResult()).contains(List.of());
                });
    }

    @Test
    void timeoutUnderFailPolicyNamesTheSourceAndItsTimeout() {
        intercept("c", "getUserChats", arguments -> {
            await(new CyclicBarrier(2)); // nobody else arrives: hangs until cancelled
            return List.of();
        });

        assertThatThrownBy(() -> aggregator(OnSourceFailure.FAIL, Map.of(), Map.of("c", Duration.ofMillis(100)))
                .getUserChats(1L))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                    assertThat(e.sourceName()).isEqualTo("c");
                    assertThat(e.getMessage()).contains("did not answer getUserChats within its timeout of 100 ms");
                });
    }

    @Test
    void invalidArgumentIsTheCallersErrorAndPassesThroughUnwrapped() {
        try (CapturedLog log = new CapturedLog(FanOutAggregator.class)) {
            assertThatThrownBy(() -> aggregator(OnSourceFailure.SKIP, Map.of(), Map.of()).findChatsByUsername(null))
                    .isInstanceOf(NullPointerException.class);
            assertThat(log.events()).isEmpty();
        }
    }

    @Test
    void closedAggregatorRefusesNewReads() {
        FanOutAggregator aggregator = newAggregator(OnSourceFailure.SKIP, Map.of(), Map.of());
        aggregator.close();
        aggregator.close();

        assertThatThrownBy(() -> aggregator.asChatStore().getAllGroupChats())
                .isInstanceOf(StorageClosedException.class)
                .hasMessageStartingWith("storage is closed");
    }

    @Test
    void operationsThatDoNotFanOutAreNotTheAggregatorsBusiness() {
        assertThatThrownBy(() -> aggregator(OnSourceFailure.SKIP, Map.of(), Map.of()).getSettings())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getSettings");
    }

    private ChatStore aggregator(OnSourceFailure policy, Map<Long, String> mapping, Map<String, Duration> timeouts) {
        return newAggregator(policy, mapping, timeouts).asChatStore();
    }

    private FanOutAggregator newAggregator(OnSourceFailure policy, Map<Long, String> mapping,
            Map<String, Duration> timeouts) {
        List<SourceConfig> sources = stores.keySet().stream()
                .map(name -> TestStores.source(name).withTimeout(timeouts.getOrDefault(name, GENEROUS)))
                .toList();
        FanOutAggregator aggregator = new FanOutAggregator(new StorageConfig("a", sources, mapping, policy), stores);
        aggregators.add(aggregator);
        return aggregator;
    }

    private void group(String source, long chatId, String title) {
        memory.get(source).updateChatInfo(chatId, ChatType.SUPERGROUP, title, null, false);
    }

    private void intercept(String source, String operation, Function<Object[], Object> behaviour) {
        stores.put(source, TestStores.intercepting(stores.get(source), operation, behaviour));
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StorageException("barrier: " + e, e);
        }
    }
}
