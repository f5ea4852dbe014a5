package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StoreAdmin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server goes away in the middle of an ingest and comes back: calls fail with
 * {@link SourceUnavailableException} within the source's timeout, the pool recovers by itself once the server is
 * back, and running the whole ingest again stores the missing messages and doubles none.
 */
class PostgresOutageTest {
    private static final long CHAT = -1001;
    private static final long USER = 7;
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int BATCHES = 200;
    private static final int PER_BATCH = 10;

    @Test
    void callsFailWithinTheTimeoutWhileTheServerIsDownAndAReRunLosesAndDoublesNothing() throws Exception {
        try (PostgresServer server = PostgresServer.dedicated()) {
            SourceConfig config = PostgresTestSources.config(server, "primary", "chatstore").withTimeout(TIMEOUT);
            try (ChatStore store = PostgresTestSources.open(config)) {
                store.updateChatUser(CHAT, USER, "alice", "Alice");
                AtomicInteger batchesDone = new AtomicInteger();
                CompletableFuture<Throwable> ingest = CompletableFuture.supplyAsync(() -> {
                    try {
                        for (int b = 0; b < BATCHES; b++) {
                            store.addChatMessages(batch(b));
                            batchesDone.incrementAndGet();
                        }
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                });
                while (batchesDone.get() < 20) {
                    Thread.sleep(5);
                }
                server.stop();

                Throwable failure = ingest.get(30, TimeUnit.SECONDS);
                assertThat(failure).as("the ingest in flight").isInstanceOf(SourceUnavailableException.class)
                        .hasMessageContaining("'primary'");
                assertThat(batchesDone.get()).isLessThan(BATCHES);

                long started = System.nanoTime();
                assertThatThrownBy(() -> store.getChatMessages(CHAT, MessageQuery.latest(50)))
                        .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("'primary'")
                        .hasMessageContaining("could not connect to the PostgreSQL database");
                assertThatThrownBy(() -> store.addChatMessages(batch(0)))
                        .isInstanceOf(SourceUnavailableException.class);
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                assertThat(waited).as("two calls, each bounded by the source's timeout")
                        .isLessThan(TIMEOUT.multipliedBy(2).plusSeconds(2));
                assertThat(((StoreAdmin) store).status().healthy()).isFalse();

                server.start();
                assertThat(recovered(store)).as("the same store answers again once its pool reconnected")
                        .isLessThan(Duration.ofSeconds(15));
                int storedOnReRun = 0;
                for (int b = 0; b < BATCHES; b++) {
                    storedOnReRun += store.addChatMessages(batch(b));
                }
                assertThat(storedOnReRun).isBetween(1, BATCHES * PER_BATCH);

                List<ChatMessage> messages = store.getChatMessages(CHAT, MessageQuery.all());
                assertThat(messages).hasSize(BATCHES * PER_BATCH);
                assertThat(messages).extracting(ChatMessage::messageId).doesNotHaveDuplicates();
                assertThat(store.getChatUser(CHAT, USER).orElseThrow().messagesCount())
                        .as("each message counted once").isEqualTo(BATCHES * PER_BATCH);
                assertThat(((StoreAdmin) store).status().healthy()).isTrue();
            }
        }
    }

    /**
     * How long until the store answers again: the pool reconnects in the background, with a back-off of up to
     * 5 s between attempts (HikariCP's), so the first calls after the restart may still time out.
     */
    private static Duration recovered(ChatStore store) throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            try {
                assertThat(store.getChatUser(CHAT, USER)).isPresent();
                return Duration.ofNanos(System.nanoTime() - started);
            } catch (SourceUnavailableException stillDown) {
                if (System.nanoTime() - started > Duration.ofSeconds(30).toNanos()) {
                    throw stillDown;
                }
                Thread.sleep(100);
            }
        }
    }

    private static List<ChatMessage> batch(int b) {
        List<ChatMessage> batch = new ArrayList<>();
        for (int i = 0; i < PER_BATCH; i++) {
            int n = b * PER_BATCH + i;
            batch.add(ChatMessage.builder(CHAT, "m" + n, USER, T0.plusSeconds(n)).text("message " + n).build());
        }
        return batch;
    }
}
