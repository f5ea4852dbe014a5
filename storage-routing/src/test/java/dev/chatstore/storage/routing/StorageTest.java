package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.DuplicateMessageException;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreAdmin;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/** The facade: its own methods, batch splitting, exceptions passing through, and its lifecycle. */
class StorageTest {
    private static final long ARCHIVE_CHAT = -100L;
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final StorageConfig config = TestStores.config("main",
            List.of(TestStores.source("main"), TestStores.readonlySource("archive")), Map.of(ARCHIVE_CHAT, "archive"));
    private final Map<String, InMemoryChatStore> memory = new LinkedHashMap<>(Map.of(
            "main", new InMemoryChatStore("main"), "archive", new InMemoryChatStore("archive")));
    private Storage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    private Storage storage(Map<String, ? extends ChatStore> stores) {
        storage = Storages.of(config, Map.copyOf(stores));
        return storage;
    }

    @Test
    void describesItsSources() {
        storage(memory);

        assertThat(storage.sourceNames()).containsExactly("main", "archive");
        assertThat(storage.isReadonly("archive")).isTrue();
        assertThat(storage.isReadonly("main")).isFalse();
        assertThat(storage.config()).isSameAs(config);
        assertThat(storage.route(ARCHIVE_CHAT, null)).isEqualTo(new RouteDecision("archive", RouteReason.MAPPING, true));
        assertThat(storage.source("main")).isSameAs(storage.source("main"));
        assertThat(storage).hasToString("Storage[default=main, sources=[main, archive]]");
    }

    @Test
    void batchWriteIsSplitPerSourceAndTheCountsSummed() {
        StorageConfig writable = TestStores.config("main", List.of(TestStores.source("main"), TestStores.source("other")),
                Map.of(ARCHIVE_CHAT, "other"));
        InMemoryChatStore main = new InMemoryChatStore("main");
        InMemoryChatStore other = new InMemoryChatStore("other");
        storage = Storages.of(writable, Map.of("main", main, "other", other));
        main.addChatMessage(message(1L, "dup"));

        int stored = storage.addChatMessages(List.of(message(ARCHIVE_CHAT, "1"), message(1L, "2"),
                message(ARCHIVE_CHAT, "3"), message(1L, "dup")));

        assertThat(stored).isEqualTo(3);
        assertThat(other.getChatMessages(ARCHIVE_CHAT, MessageQuery.all())).extracting(ChatMessage::messageId)
                .containsExactly("3", "1");
        assertThat(main.getChatMessages(1L, MessageQuery.all())).hasSize(2);
        assertThat(storage.addChatMessages(List.of())).isZero();
    }

    @Test
    void exceptionsOfASourcePassThroughUnwrapped() {
        StorageException failure = new StorageException("source 'main' failed: disk I/O error");
        ChatStore failing = TestStores.intercepting(memory.get("main"), "getChatInfo", arguments -> {
            throw failure;
        });
        storage(Map.of("main", failing, "archive", memory.get("archive")));

        assertThatThrownBy(() -> storage.getChatInfo(1L)).isSameAs(failure);
        assertThatThrownBy(() -> storage.source("main").getChatInfo(1L)).isSameAs(failure);
        storage.addChatMessage(message(1L, "1"));
        assertThatThrownBy(() -> storage.addChatMessage(message(1L, "1"))).isInstanceOf(DuplicateMessageException.class);
    }

    @Test
    void adminIsTheSourceStoresOwnWhenItHasOne() {
        ChatStore withAdmin = mock(ChatStore.class, withSettings().extraInterfaces(StoreAdmin.class));
        MigrationResult result = new MigrationResult("main", "1", "2", true);
        when(((StoreAdmin) withAdmin).migrate()).thenReturn(result);
        storage(Map.of("main", withAdmin, "archive", memory.get("archive")));

        assertThat(storage.admin("main")).hasValueSatisfying(admin -> assertThat(admin.migrate()).isSameAs(result));
        assertThat(storage.admin("archive")).isEmpty();
    }

    @Test
    void fanOutWithSourcesTagsEachRowAndGoesThroughTheGuard() {
        storage(memory);
        memory.get("main").updateChatInfo(1L, ChatType.GROUP, "main's", null, false);
        memory.get("archive").updateChatInfo(ARCHIVE_CHAT, ChatType.GROUP, "archive's", null, false);

        List<Sourced<ChatInfo>> rows = storage.fanOutWithSources("getAllGroupChats", ChatStore::getAllGroupChats);

        assertThat(rows).extracting(Sourced::sourceName).containsExactly("archive", "main");
        assertThat(rows).extracting(row -> row.value().title()).containsExactly("archive's", "main's");
        try (CapturedLog log = new CapturedLog(FanOutAggregator.class)) {
            List<Sourced<ChatInfo>> written = storage.fanOutWithSources("sneaky write", store -> {
                store.updateChatInfo(5L, ChatType.GROUP, "x", null, false);
                return store.getAllGroupChats();
            });
            assertThat(written).extracting(Sourced::sourceName).doesNotContain("archive");
            assertThat(log.events()).singleElement()
                    .satisfies(event -> assertThat(event.getFormattedMessage()).contains("readonly source 'archive'"));
        }
    }

    @Test
    void closeClosesEverySourceOnceAndLaterCallsAreRefused() {
        storage(memory);
        ChatStore view = storage.source("main");

        storage.close();
        storage.close();

        assertThatThrownBy(() -> memory.get("main").getSettings()).isInstanceOf(StorageClosedException.class);
        assertThatThrownBy(() -> memory.get("archive").getSettings()).isInstanceOf(StorageClosedException.class);
        assertThatThrownBy(storage::getSettings).isInstanceOf(StorageClosedException.class)
                .hasMessageStartingWith("storage is closed; getSettings cannot run");
        assertThatThrownBy(storage::getAllGroupChats).isInstanceOf(StorageClosedException.class);
        assertThatThrownBy(view::getSettings).isInstanceOf(StorageClosedException.class);
        assertThatThrownBy(() -> storage.source("main")).isInstanceOf(StorageClosedException.class);
        assertThatThrownBy(() -> storage.admin("main")).isInstanceOf(StorageClosedException.class);
        assertThatThrownBy(() -> storage.fanOutWithSources("x", ChatStore::getAllGroupChats))
                .isInstanceOf(StorageClosedException.class);
        assertThat(storage.sourceNames()).containsExactly("main", "archive");
    }

    @Test
    void closingAViewLeavesTheSourceOpen() {
        storage(memory);

        storage.source("main").close();

        assertThat(storage.getSettings()).isEmpty();
    }

    @Test
    void closeLetsACallInFlightFinishAndRefusesNewOnes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChatStore slow = TestStores.intercepting(memory.get("main"), "getSetting", arguments -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return memory.get("main").getSetting((String) arguments[0]);
        });
        storage(Map.of("main", slow, "archive", memory.get("archive")));
        memory.get("main").setSetting("k", "v");

        CompletableFuture<Object> inFlight = CompletableFuture.supplyAsync(() -> storage.getSetting("k"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(storage::close);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (!storage.toString().contains("closed")) {
                Thread.onSpinWait();
            }
        });

        assertThatThrownBy(() -> storage.getSetting("k")).isInstanceOf(StorageClosedException.class);
        assertThat(closing).isNotDone();
        release.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo(java.util.Optional.of("v"));
        closing.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> memory.get("main").getSettings()).isInstanceOf(StorageClosedException.class);
    }

    @Test
    void failuresClosingSourcesAreAllReportedAndEverySourceIsClosed() {
        ChatStore failingClose = mock(ChatStore.class);
        RuntimeException closeFailure = new StorageException("cannot close main");
        org.mockito.Mockito.doThrow(closeFailure).when(failingClose).close();
        storage = Storages.of(config, Map.of("main", failingClose, "archive", memory.get("archive")));

        assertThatThrownBy(storage::close).isSameAs(closeFailure);
        assertThatThrownBy(() -> memory.get("archive").getSettings()).isInstanceOf(StorageClosedException.class);
        storage.close();
        storage = null;
    }

    @Test
    void ofNeedsExactlyOneStorePerConfiguredSource() {
        assertThatThrownBy(() -> Storages.of(config, Map.of("main", memory.get("main"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing [archive]");
        assertThatThrownBy(() -> Storages.of(config, Map.of("main", memory.get("main"), "archive",
                memory.get("archive"), "typo", new InMemoryChatStore())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not configured [typo]");
    }

    @Test
    void equalsAndHashCodeAreIdentity() {
        storage(memory);

        assertThat(storage).isEqualTo(storage).isNotEqualTo(storage.source("main"));
        assertThat(storage.hashCode()).isEqualTo(System.identityHashCode(storage));
    }

    private static ChatMessage message(long chatId, String id) {
        return ChatMessage.builder(chatId, id, 42L, NOW).text("text " + id).build();
    }
}
