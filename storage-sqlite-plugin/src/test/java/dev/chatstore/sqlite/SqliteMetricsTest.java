package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** An SQLite file source publishes its file and WAL sizes and its pool's meters, tagged with its name. */
class SqliteMetricsTest {
    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void addRegistry() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void removeRegistry() {
        Metrics.removeRegistry(registry);
    }

    @Test
    void fileAndWalSizesFollowTheFiles() throws Exception {
        Path file = dir.resolve("main.db");
        try (ChatStore store = new SqliteStoreProvider().open(SqliteTestFiles.writable("main", file))) {
            store.addChatMessage(ChatMessage.builder(-100L, "1", 1, Instant.parse("2024-03-01T00:00:00Z"))
                    .text("hello").build());

            assertThat(registry.get(SqliteFileSizes.FILE_SIZE).tag("source", "main").gauge().value())
                    .isEqualTo((double) Files.size(file)).isPositive();
            Path wal = dir.resolve("main.db-wal");
            assertThat(registry.get(SqliteFileSizes.WAL_SIZE).tag("source", "main").gauge().value())
                    .isEqualTo(Files.exists(wal) ? (double) Files.size(wal) : 0.0);
            assertThat(registry.get("hikaricp.connections.max").tag("pool", "main").gauge().value()).isPositive();
        }
        assertThat(registry.find(SqliteFileSizes.FILE_SIZE).meters()).isEmpty();
        assertThat(registry.find("hikaricp.connections.max").tag("pool", "main").meters()).isEmpty();
    }

    @Test
    void aMemoryDatabaseHasNoFileGauges() {
        try (ChatStore store = new SqliteStoreProvider().open(
                dev.chatstore.storage.spi.SourceConfig.of("mem", SqliteStoreProvider.MEMORY))) {
            store.getChatInfo(1L);
            assertThat(registry.find(SqliteFileSizes.FILE_SIZE).meters()).isEmpty();
            assertThat(registry.find("hikaricp.connections.max").tag("pool", "mem").meters()).hasSize(1);
        }
    }

    /** {@code -Dchatstore.metrics=off} (the host's one-shot commands): no gauge and no pool meter at all. */
    @Test
    void noMetersWhileMetricsAreSwitchedOff() {
        System.setProperty("chatstore.metrics", "off");
        SourceConfig main = SqliteTestFiles.writable("main", dir.resolve("main.db"));
        try (ChatStore store = new SqliteStoreProvider().open(main)) {
            store.addChatMessage(ChatMessage.builder(-100L, "1", 1, Instant.parse("2024-03-01T00:00:00Z"))
                    .text("hello").build());
            assertThat(registry.getMeters()).isEmpty();
        } finally {
            System.clearProperty("chatstore.metrics");
        }
    }
}
