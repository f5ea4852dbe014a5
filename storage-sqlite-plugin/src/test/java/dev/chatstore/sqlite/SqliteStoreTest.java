package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StoreAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the contract does not see: counters of the batch write, status, memory sources, the provider. */
class SqliteStoreTest {
    private static final long CHAT = -1001234567890L;
    private static final Instant T0 = Instant.parse("2024-03-01T23:59:00Z");

    @TempDir
    Path dir;

    @Test
    void aBatchBumpsCountersOncePerUserAndDayForStoredRowsOnly() throws Exception {
        Path file = dir.resolve("batch.db");
        try (ChatStore store = new SqliteStoreProvider().open(SqliteTestFiles.writable("batch", file))) {
            store.updateChatUser(CHAT, 1, "alice", "Alice");
            store.updateChatUser(CHAT, 2, "bob", "Bob");
            store.addChatMessage(message("0", 1, 0));
            List<ChatMessage> batch = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                batch.add(message(String.valueOf(i), i % 2 == 0 ? 1 : 2, i)); // days: Mar 1 (i = 0) and Mar 2
            }
            batch.add(message("0", 1, 5)); // a stored duplicate
            batch.add(message("7", 2, 7)); // a duplicate within the batch
            batch.add(message("x", 3, 0)); // a sender without a member row

            assertThat(store.addChatMessages(batch)).isEqualTo(101);
            assertThat(store.getChatUser(CHAT, 1).orElseThrow().messagesCount()).isEqualTo(51);
            assertThat(store.getChatUser(CHAT, 2).orElseThrow().messagesCount()).isEqualTo(50);
        }
        assertThat(SqliteTestFiles.text(file, "SELECT group_concat(date || '=' || messages_count, ' ') "
                + "FROM (SELECT * FROM chat_stats ORDER BY date)"))
                .isEqualTo("2024-03-01 00:00:00=2 2024-03-02 00:00:00=100");
        assertThat(SqliteTestFiles.text(file, "SELECT group_concat(user_id || '@' || substr(date, 1, 10) || '='"
                + " || messages_count, ' ') FROM (SELECT * FROM chat_user_stats ORDER BY user_id, date)"))
                .isEqualTo("1@2024-03-01=1 1@2024-03-02=50 2@2024-03-02=50 3@2024-03-01=1");
    }

    @Test
    void statusReportsSchemaCountsConnectionsAndLibraryVersion() {
        Path file = dir.resolve("status.db");
        try (ChatStore store = new SqliteStoreProvider().open(SqliteTestFiles.writable("primary", file)
                .withPoolSize(3))) {
            store.updateChatInfo(CHAT, dev.chatstore.storage.spi.ChatType.GROUP, "Group", null, false);
            store.addChatMessage(message("1", 1, 0));
            SourceStatus status = ((StoreAdmin) store).status();
            assertThat(status).as("the probe counts nothing").isEqualTo(new SourceStatus("primary",
                    file.toAbsolutePath().toString(), false, 3, 0, "6+chatstore-" + SqliteSchema.CHATSTORE_LEVEL, -1,
                    -1, status.backendVersion(), true, ""));
            assertThat(((StoreAdmin) store).statusWithCounts()).isEqualTo(new SourceStatus("primary",
                    file.toAbsolutePath().toString(), false, 3, 0, "6+chatstore-" + SqliteSchema.CHATSTORE_LEVEL, 1, 1,
                    status.backendVersion(), true, ""));
            assertThat(status.backendVersion()).matches("3\\.\\d+\\.\\d+");
            store.close();
            assertThat(((StoreAdmin) store).status()).extracting(SourceStatus::healthy, SourceStatus::detail)
                    .containsExactly(false, "closed");
            assertThatThrownBy(() -> store.getChatInfo(CHAT)).isInstanceOf(StorageClosedException.class)
                    .hasMessageContaining("'primary'").hasMessageContaining("getChatInfo");
        }
    }

    @Test
    void eachMemorySourceIsOneDatabaseSharedByItsThreadsAndGoneWhenClosed() throws Exception {
        SqliteStoreProvider provider = new SqliteStoreProvider();
        try (ChatStore first = provider.open(SourceConfig.of("first", ":memory:"));
             ChatStore second = provider.open(SourceConfig.of("second", ":memory:"))) {
            first.setSetting("owner", "first");
            assertThat(CompletableFuture.supplyAsync(() -> first.getSetting("owner")).get()).hasValue("first");
            assertThat(second.getSetting("owner")).as("another source, another database").isEmpty();
            assertThat(((StoreAdmin) first).status()).extracting(SourceStatus::location, SourceStatus::schemaVersion)
                    .containsExactly(":memory:", "6+chatstore-" + SqliteSchema.CHATSTORE_LEVEL);
        }
        try (ChatStore reopened = provider.open(SourceConfig.of("first", ":memory:"))) {
            assertThat(reopened.getSetting("owner")).as("closing ended the database").isEmpty();
        }
    }

    @Test
    void theProviderOpensOnlyItsOwnType() {
        SqliteStoreProvider provider = new SqliteStoreProvider();
        assertThat(provider.type()).isEqualTo("sqlite");
        assertThatThrownBy(() -> provider.open(SourceConfig.of("pg", "x").withType("postgres")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'postgres'");
    }

    @Test
    void closingTwiceIsHarmlessAndStoresLeftOpenAreClosedByThePluginStop() {
        ChatStore store = new SqliteStoreProvider().open(SqliteTestFiles.writable("leaky", dir.resolve("leaky.db")));
        new SqliteStoragePlugin().stop();
        assertThatThrownBy(() -> store.getChatMessages(CHAT, MessageQuery.all()))
                .isInstanceOf(StorageClosedException.class);
        store.close();
        store.close();
        assertThat(java.util.Collections.list(java.sql.DriverManager.getDrivers()))
                .as("the driver registered by sqlite-jdbc's loader is gone")
                .noneMatch(driver -> driver.getClass().getClassLoader() == SqliteStoragePlugin.class.getClassLoader());
    }

    private static ChatMessage message(String id, long userId, int minutes) {
        return ChatMessage.builder(CHAT, id, userId, T0.plusSeconds(60L * minutes)).text("text " + id).build();
    }
}
