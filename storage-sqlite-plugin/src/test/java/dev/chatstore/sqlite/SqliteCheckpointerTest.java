package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MaintenanceListener;
import dev.chatstore.storage.spi.MaintenanceRequest;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.SourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The background WAL checkpoint: started by the first write only, checkpoints once the WAL passes its threshold while
 * writes go on, keeps out of {@code maintain}'s way (and {@code maintain}'s checkpoint, among readers that never
 * pause, out of the writers'), stops with the source, and exists only for writable files with a pool of two or more.
 */
class SqliteCheckpointerTest {
    private static final long CHAT = -1001234567890L;

    @TempDir
    Path dir;

    @Test
    void writesPastTheThresholdAreCheckpointedOffTheWritersThread() throws Exception {
        String name = "bg-" + UUID.randomUUID();
        Path file = dir.resolve("bot.db");
        SqliteOpener.Opened opened = SqliteOpener.open(SqliteTestFiles.writable(name, file));
        try {
            SqliteCheckpointer checkpointer = opened.checkpointer();
            assertThat(checkpointer).isNotNull();
            assertThat(thread(name)).as("no thread before the first write").isNull();
            SqliteMessages messages = new SqliteMessages(opened.source());
            Path wal = dir.resolve("bot.db-wal");
            int written = 0;
            // One transaction per message, as a bot writes: each appends its pages to the WAL, and the thread looks
            // at the WAL's size while they come in.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (checkpointer.checkpoints() == 0 && System.nanoTime() < deadline) {
                messages.addChatMessage(message(++written));
                if (written == 1) {
                    assertThat(thread(name)).as("started by the first write").isNotNull();
                }
            }
            assertThat(size(wal)).as("the WAL had passed the threshold").isGreaterThanOrEqualTo(
                    SqliteCheckpointer.WAL_BYTES);
            assertThat(checkpointer.checkpoints()).as("background checkpoints after %d messages", written)
                    .isPositive();
            assertThat(SqliteTestFiles.count(file, "SELECT count(*) FROM chat_messages")).isEqualTo(written);

            // maintain's checkpoint waits for a background one instead of finding SQLite busy: the WAL is emptied.
            String step = SqliteMaintenance.run(opened.source(), new MaintenanceRequest(true, false, null),
                    MaintenanceListener.NONE, checkpointer).steps().get(0);
            assertThat(step).endsWith("-wal truncated");
            assertThat(Files.size(wal)).isZero();
        } finally {
            opened.checkpointer().close();
            opened.source().close();
        }
        assertThat(thread(name)).as("stopped with the source").isNull();
    }

    @Test
    void backgroundCheckpointsAmongFourWritersTwoReadersAndMaintainLoseNothing() throws Exception {
        String name = "bg-" + UUID.randomUUID();
        Path file = dir.resolve("busy.db");
        SqliteOpener.Opened opened = SqliteOpener.open(SqliteTestFiles.writable(name, file).withPoolSize(4));
        int writers = 4;
        int perWriter = 1_500;
        ExecutorService threads = Executors.newFixedThreadPool(writers + 3);
        try {
            SqliteMessages messages = new SqliteMessages(opened.source());
            AtomicBoolean writing = new AtomicBoolean(true);
            CountDownLatch writersLeft = new CountDownLatch(writers);
            List<Future<?>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                tasks.add(threads.submit(() -> {
                    try {
                        for (int i = 1; i <= perWriter; i++) {
                            messages.addChatMessage(message(writer * perWriter + i));
                        }
                    } finally {
                        writersLeft.countDown();
                        if (writersLeft.getCount() == 0) {
                            writing.set(false);
                        }
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                tasks.add(threads.submit(() -> {
                    while (writing.get()) {
                        assertThat(messages.getChatMessages(CHAT, MessageQuery.latest(50)))
                                .hasSizeLessThanOrEqualTo(50);
                    }
                    return null;
                }));
            }
            List<String> maintained = new CopyOnWriteArrayList<>();
            tasks.add(threads.submit(() -> {
                while (writing.get()) {
                    maintained.add(SqliteMaintenance.run(opened.source(), new MaintenanceRequest(true, false, null),
                            MaintenanceListener.NONE, opened.checkpointer()).steps().get(0));
                    Thread.sleep(50);
                }
                return null;
            }));
            for (Future<?> task : tasks) {
                task.get(120, TimeUnit.SECONDS);
            }
            assertThat(SqliteTestFiles.count(file, "SELECT count(*) FROM chat_messages"))
                    .isEqualTo((long) writers * perWriter);
            assertThat(opened.checkpointer().checkpoints()).as("background checkpoints among the writers")
                    .isPositive();
            // Either outcome is maintain's to report; what matters is that no writer waited out its timeout.
            assertThat(maintained).isNotEmpty().allSatisfy(step -> assertThat(step)
                    .matches(".*(-wal truncated|a reader still uses the rest, run maintain again later)"));
        } finally {
            threads.shutdownNow();
            opened.checkpointer().close();
            opened.source().close();
        }
    }

    @Test
    void readsAloneStartNoThreadAndClosingStopsIt() {
        String name = "bg-" + UUID.randomUUID();
        SourceConfig source = SqliteTestFiles.writable(name, dir.resolve("bot.db"));
        SqliteStoreProvider provider = new SqliteStoreProvider();
        try (ChatStore store = provider.open(source)) {
            store.addChatMessage(message(1));
            assertThat(thread(name)).isNotNull();
        }
        assertThat(thread(name)).isNull();
        try (ChatStore store = provider.open(source)) {
            assertThat(store.getChatMessage(CHAT, "1")).isPresent();
            assertThat(thread(name)).as("reads alone").isNull();
        }
    }

    @Test
    void readonlyMemoryAndSingleConnectionSourcesHaveNone() throws Exception {
        Path file = dir.resolve("bot.db");
        try (ChatStore store = new SqliteStoreProvider().open(SqliteTestFiles.writable("primary", file))) {
            store.addChatMessage(message(1));
        }
        for (SourceConfig source : new SourceConfig[]{SourceConfig.of("archive", file.toString()).withReadonly(true),
                SourceConfig.of("scratch", SqliteStoreProvider.MEMORY),
                SourceConfig.of("single", file.toString()).withPoolSize(1)}) {
            SqliteOpener.Opened opened = SqliteOpener.open(source);
            try {
                assertThat(opened.checkpointer()).as(source.name()).isNull();
            } finally {
                opened.source().close();
            }
        }
    }

    private static long size(Path file) throws Exception {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static ChatMessage message(int id) {
        return ChatMessage.builder(CHAT, Integer.toString(id), 1000 + id % 50,
                Instant.ofEpochSecond(1_735_689_600L + id)).text("message " + id).build();
    }

    private static Thread thread(String source) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("chatstore-sqlite-checkpoint-" + source))
                .findFirst().orElse(null);
    }
}
