package dev.chatstore.reliability;

import dev.chatstore.postgres.PostgresServer;
import dev.chatstore.storage.plugins.StoragePlugins;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreProvider;
import dev.chatstore.storage.spi.TransferTable;
import dev.chatstore.storage.testkit.SampleChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat moved through the {@link ChatTransfer} SPI from a SQLite file to PostgreSQL and back to another SQLite
 * file, both plugins loaded from their built zips by PF4J: every read of the chat answers the same on each backend,
 * and the source it left no longer has it.
 */
class ChatTransferAcrossBackendsIT {
    private static final long CHAT = -1001000000042L;
    private static final int BATCH = 3;

    @TempDir
    Path dir;

    @Test
    void aChatMovesFromSqliteToPostgresAndBackWithEveryReadUnchanged() {
        PostgresServer server = PostgresServer.shared();
        try (StoragePlugins plugins = StoragePlugins.load(PostgresHosts.bothPlugins(dir))) {
            StoreProvider sqlite = provider(plugins, "sqlite");
            StoreProvider postgres = provider(plugins, "postgres");
            try (ChatStore first = sqlite.open(SourceConfig.of("first", dir.resolve("first.db").toString()));
                 ChatStore pg = postgres.open(new SourceConfig("pg", "postgres", false, 2, Duration.ofSeconds(10),
                         Map.of("url", server.url(), "user", "postgres", "schema", PostgresServer.freshSchema())));
                 ChatStore back = sqlite.open(SourceConfig.of("back", dir.resolve("back.db").toString()))) {
                SampleChat.populate(first, CHAT, 9);
                Map<String, Object> before = SampleChat.snapshot(first, CHAT);

                move(first, pg);
                assertThat(SampleChat.snapshot(pg, CHAT)).as("on PostgreSQL").isEqualTo(before);
                assertThat(((ChatTransfer) first).chatIds()).doesNotContain(CHAT);
                assertThat(((ChatTransfer) pg).chatIds()).containsExactly(CHAT);

                move(pg, back);
                assertThat(SampleChat.snapshot(back, CHAT)).as("back on SQLite").isEqualTo(before);
                assertThat(((ChatTransfer) pg).chatIds()).isEmpty();
            }
        }
    }

    /** Export in batches, import each, then delete at the origin: what move-chat does, minus its checks. */
    private static void move(ChatStore from, ChatStore to) {
        ChatTransfer source = (ChatTransfer) from;
        ChatTransfer target = (ChatTransfer) to;
        int[] rows = new int[1];
        source.exportChat(CHAT, BATCH, (TransferTable table, java.util.List<Object[]> batch) -> {
            assertThat(batch).hasSizeBetween(1, BATCH);
            rows[0] += target.importRows(table, batch);
        });
        assertThat(rows[0]).isPositive();
        assertThat(source.deleteChat(CHAT)).isPositive();
    }

    private static StoreProvider provider(StoragePlugins plugins, String type) {
        return plugins.providers().stream().filter(p -> p.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + type + "' provider in " + plugins.providers()));
    }
}
