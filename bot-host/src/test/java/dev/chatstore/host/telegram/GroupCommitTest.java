package dev.chatstore.host.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.chatstore.host.telegram.UpdateIngesterTest.HIKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link GroupCommit}: updates queued while a write is under way share the next one, none is answered before its
 * write returned, a failing update fails alone, and close stores what is queued. The first message write is held
 * at a gate, so which updates share a write does not depend on timing.
 */
class GroupCommitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryChatStore store = new InMemoryChatStore("default");
    private final CountDownLatch writing = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicBoolean held = new AtomicBoolean();
    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    private GroupCommit commits;

    @AfterEach
    void stop() {
        gate.countDown();
        clients.shutdownNow();
        if (commits != null) {
            commits.close();
        }
    }

    /** A store whose first addChatMessages waits at the gate, and whose writes of "poison" texts fail. */
    private StoreWrapper gatedStore() {
        return new StoreWrapper(store, (method, args) -> {
            if (!method.getName().equals("addChatMessages")) {
                return null;
            }
            if (held.compareAndSet(false, true)) {
                writing.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            @SuppressWarnings("unchecked")
            List<ChatMessage> messages = (List<ChatMessage>) args[0];
            for (ChatMessage message : messages) {
                if (message.text().equals("poison")) {
                    return new StorageException("Source 'default' failed on addChatMessages: CHECK constraint failed");
                }
                if (message.text().equals("bug")) {
                    return new IllegalStateException("unexpected state in the store");
                }
            }
            return null;
        });
    }

    @Test
    void updatesQueuedDuringAWriteShareTheNextWriteAndAreAnsweredOnlyAfterIt() throws Exception {
        StoreWrapper counted = gatedStore();
        commits = new GroupCommit(counted.store, chatId -> "default", 256);
        CompletableFuture<IngestResult> first = commits.submit(update(1, "first"));
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

        // 31 clients post while the first write is held: each is queued, none is answered.
        List<Future<CompletableFuture<IngestResult>>> submitted = new ArrayList<>();
        for (int id = 2; id <= 32; id++) {
            int messageId = id;
            submitted.add(clients.submit(() -> commits.submit(update(messageId, "message " + messageId))));
        }
        List<CompletableFuture<IngestResult>> queued = new ArrayList<>();
        for (Future<CompletableFuture<IngestResult>> future : submitted) {
            queued.add(future.get(30, TimeUnit.SECONDS));
        }
        assertThat(first).isNotDone();
        assertThat(queued).noneMatch(CompletableFuture::isDone);
        assertThat(store.getChatMessages(HIKERS, MessageQuery.all())).isEmpty();

        gate.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(IngestResult.Outcome.STORED);
        for (CompletableFuture<IngestResult> result : queued) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(new IngestResult(IngestResult.Outcome.STORED, ""));
        }
        assertThat(counted.calls("addChatMessages")).as("the first write, then one for the 31 queued").isEqualTo(2);
        assertThat(counted.calls("addChatMessage")).isZero();
        assertThat(store.getChatMessages(HIKERS, MessageQuery.all())).extracting(ChatMessage::messageId)
                .hasSize(32).doesNotHaveDuplicates();

        // A resend alone is a duplicate, as without group commit.
        assertThat(commits.submit(update(7, "message 7")).get(30, TimeUnit.SECONDS).outcome())
                .isEqualTo(IngestResult.Outcome.DUPLICATE);
    }

    @Test
    void awaitWritesInFlightReturnsOnlyOnceTheWriteUnderWayHasReturned() throws Exception {
        StoreWrapper counted = gatedStore();
        commits = new GroupCommit(counted.store, chatId -> "default", 256);
        CompletableFuture<IngestResult> first = commits.submit(update(1, "first"));
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

        // A chat move's acknowledgement waits here: the held write was routed under the mapping before the swap.
        Future<?> awaited = clients.submit(commits::awaitWritesInFlight);
        Thread.sleep(200);
        assertThat(awaited).isNotDone();
        assertThat(first).isNotDone();

        gate.countDown();
        awaited.get(30, TimeUnit.SECONDS);
        assertThat(first).isDone();
        assertThat(store.getChatMessages(HIKERS, MessageQuery.all())).hasSize(1);
        // With nothing being written it returns at once.
        clients.submit(commits::awaitWritesInFlight).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aFailingUpdateFailsAloneAndTheRestOfItsBatchIsStoredOnce() throws Exception {
        StoreWrapper counted = gatedStore();
        commits = new GroupCommit(counted.store, chatId -> "default", 256);
        CompletableFuture<IngestResult> first = commits.submit(update(1, "first"));
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<IngestResult>> queued = new ArrayList<>();
        for (int id = 2; id <= 10; id++) {
            queued.add(commits.submit(update(id, id == 5 ? "poison" : id == 8 ? "bug" : "message " + id)));
        }

        gate.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(IngestResult.Outcome.STORED);
        for (int id = 2; id <= 10; id++) {
            CompletableFuture<IngestResult> result = queued.get(id - 2);
            if (id == 5) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(new IngestResult(IngestResult.Outcome.FAILED,
                        "Source 'default' failed on addChatMessages: CHECK constraint failed"));
            } else if (id == 8) {
                assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(IllegalStateException.class).hasMessage("unexpected state in the store");
            } else {
                assertThat(result.get(30, TimeUnit.SECONDS).outcome()).as("message %d", id)
                        .isEqualTo(IngestResult.Outcome.STORED);
            }
        }
        assertThat(counted.calls("addChatMessages")).as("the first, the failed batch of 9, then each of the 9 alone")
                .isEqualTo(1 + 1 + 9);
        assertThat(store.getChatMessages(HIKERS, MessageQuery.all())).extracting(ChatMessage::messageId)
                .containsExactlyInAnyOrder("1", "2", "3", "4", "6", "7", "9", "10");
    }

    @Test
    void closeStoresWhatIsQueuedThenRefusesUpdates() throws Exception {
        StoreWrapper counted = gatedStore();
        commits = new GroupCommit(counted.store, chatId -> "default", 256);
        List<CompletableFuture<IngestResult>> accepted = new ArrayList<>();
        accepted.add(commits.submit(update(1, "first")));
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
        for (int id = 2; id <= 6; id++) {
            accepted.add(commits.submit(update(id, "message " + id)));
        }

        Future<?> closing = clients.submit(commits::close);
        // Until close has taken effect, an update is still accepted and must be stored with the rest.
        CompletableFuture<IngestResult> refused;
        for (int id = 7; ; id++) {
            CompletableFuture<IngestResult> result = commits.submit(update(id, "message " + id));
            if (result.isCompletedExceptionally()) {
                refused = result;
                break;
            }
            accepted.add(result);
        }
        assertThat(closing).isNotDone();
        assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).cause()
                .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("resend later");

        gate.countDown();
        closing.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<IngestResult> result : accepted) {
            assertThat(result).isDone();
            assertThat(result.get().outcome()).isEqualTo(IngestResult.Outcome.STORED);
        }
        assertThat(store.getChatMessages(HIKERS, MessageQuery.all())).hasSize(accepted.size());
    }

    @Test
    void malformedAndIgnoredUpdatesAreAnsweredWithoutAWrite() throws Exception {
        StoreWrapper counted = new StoreWrapper(store);
        commits = new GroupCommit(counted.store, chatId -> "default", 256);

        assertThat(commits.submit(JSON.readTree("{\"update_id\": 1, \"message\": {\"message_id\": 1}}"))
                .get(30, TimeUnit.SECONDS).outcome()).isEqualTo(IngestResult.Outcome.MALFORMED);
        assertThat(commits.submit(JSON.readTree("{\"update_id\": 2, \"callback_query\": {}}"))
                .get(30, TimeUnit.SECONDS)).isEqualTo(new IngestResult(IngestResult.Outcome.IGNORED, "callback_query"));
        assertThat(counted.calls).isEmpty();
    }

    private static JsonNode update(long messageId, String text) throws Exception {
        return JSON.readTree(UpdateIngesterTest.message("message", messageId, text));
    }
}
