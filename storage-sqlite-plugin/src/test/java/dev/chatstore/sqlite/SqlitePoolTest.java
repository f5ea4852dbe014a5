package dev.chatstore.sqlite;

import dev.chatstore.storage.testkit.Concurrently;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.SourceUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One connection for many callers: they queue for it, and one that waits past the timeout is told so. */
class SqlitePoolTest {
    private static final long CHAT = -100L;
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void sixteenCallersShareOneConnection() throws Exception {
        try (ChatStore store = new SqliteStoreProvider().open(
                SqliteTestFiles.writable("single", dir.resolve("single.db")).withPoolSize(1))) {
            store.updateChatUser(CHAT, 1, "alice", "Alice");
            List<Callable<Integer>> callers = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int caller = c;
                callers.add(() -> {
                    for (int i = 0; i < 50; i++) {
                        store.addChatMessage(ChatMessage.builder(CHAT, caller + "-" + i, 1, T0.plusSeconds(i))
                                .text("x").build());
                        store.getChatMessages(CHAT, MessageQuery.latest(10));
                    }
                    return caller;
                });
            }
            assertThat(Concurrently.runTogether(callers)).hasSize(16);
            assertThat(store.getChatMessages(CHAT, MessageQuery.all())).hasSize(16 * 50);
            assertThat(store.getChatUser(CHAT, 1).orElseThrow().messagesCount()).isEqualTo(16 * 50);
        }
    }

    @Test
    void everyPooledConnectionOfAWritableFileHasTheWritePragmas() throws Exception {
        try (ChatStore store = new SqliteStoreProvider().open(
                SqliteTestFiles.writable("pragmas", dir.resolve("pragmas.db")).withPoolSize(3))) {
            store.setSetting("first", "write"); // creates the file: until then an empty stand-in serves reads
            List<Callable<List<Long>>> readers = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                // Held together, so that the three calls get three different connections of the pool.
                readers.add(() -> SqliteOpenStores.sourceOf(store).read(s -> {
                    List<Long> values = List.of(s.queryLong("PRAGMA synchronous", -1),
                            s.queryLong("PRAGMA wal_autocheckpoint", -1), s.queryLong("PRAGMA busy_timeout", -1));
                    sleep(200);
                    return values;
                }));
            }
            assertThat(Concurrently.runTogether(readers)).hasSize(3).allSatisfy(values -> assertThat(values)
                    .containsExactly(1L, (long) SqlitePool.WAL_AUTOCHECKPOINT_PAGES, 30_000L));
        }
    }

    @Test
    void aCallerThatWaitsPastTheTimeoutForAConnectionIsToldSourceAndTimeout() throws Exception {
        try (ChatStore store = new SqliteStoreProvider().open(
                SqliteTestFiles.writable("slow", dir.resolve("slow.db")).withPoolSize(1)
                        .withTimeout(Duration.ofMillis(500)))) {
            CountDownLatch holding = new CountDownLatch(1);
            CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> SqliteOpenStores.sourceOf(store).read(s -> {
                holding.countDown();
                sleep(2_000);
                return null;
            }));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> store.getChatMessages(CHAT, MessageQuery.latest(10)))
                    .isInstanceOfSatisfying(SourceUnavailableException.class,
                            e -> assertThat(e.sourceName()).isEqualTo("slow"))
                    .hasMessageContaining("'slow'").hasMessageContaining("timeout of 0.5 s")
                    .hasMessageContaining("getChatMessages").hasMessageContaining(dir.resolve("slow.db").toString());
            holder.get(5, TimeUnit.SECONDS);
            assertThat(store.getChatMessages(CHAT, MessageQuery.latest(10))).isEmpty();
        }
    }

    @Test
    void aWriterThatWaitsPastTheTimeoutForItsTurnIsToldSourceAndTimeout() throws Exception {
        try (ChatStore store = new SqliteStoreProvider().open(
                SqliteTestFiles.writable("queued", dir.resolve("queued.db")).withPoolSize(4)
                        .withTimeout(Duration.ofMillis(300)))) {
            CountDownLatch holding = new CountDownLatch(1);
            CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> SqliteOpenStores.sourceOf(store).write(s -> {
                holding.countDown();
                sleep(1_500);
                return null;
            }));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> store.setSetting("k", "v"))
                    .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("'queued'")
                    .hasMessageContaining("timeout of 0.3 s").hasMessageContaining("setSetting");
            assertThat(store.getSetting("k")).as("reads do not wait for writers").isEmpty();
            holder.get(5, TimeUnit.SECONDS);
            store.setSetting("k", "v");
            assertThat(store.getSetting("k")).hasValue("v");
        }
    }

    @Test
    void aLockHeldByAnotherProgramPastTheTimeoutIsReportedAsBusy() throws Exception {
        Path file = dir.resolve("shared.db");
        try (ChatStore created = new SqliteStoreProvider().open(SqliteTestFiles.writable("shared", file))) {
            ((dev.chatstore.storage.spi.StoreAdmin) created).migrate();
        }
        try (ChatStore store = new SqliteStoreProvider().open(SqliteTestFiles.writable("shared", file)
                .withTimeout(Duration.ofMillis(300)));
             java.sql.Connection other = SqliteTestFiles.connect(file);
             java.sql.Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("INSERT INTO settings (key, value) VALUES ('held', 'by another program')");

            assertThatThrownBy(() -> store.setSetting("k", "v"))
                    .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("'shared'")
                    .hasMessageContaining(file.toString()).hasMessageContaining("timeout of 0.3 s")
                    .hasMessageContaining("SQLITE_BUSY");
            assertThat(store.getSetting("held")).as("WAL readers are not blocked by the writer").isEmpty();
            statement.execute("ROLLBACK");
            store.setSetting("k", "v");
            assertThat(store.getSetting("k")).hasValue("v");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
