package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatDigest;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageConfigException;
import dev.chatstore.storage.spi.StoreAdmin;
import dev.chatstore.storage.spi.TransferTable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's view of a PostgreSQL source: a probe that counts nothing, counts on request, no password shown. */
class PostgresAdminTest {
    private static final long CHAT = -1001;
    private static final String SECRET = "hunter2-in-the-url";

    @Test
    void statusReportsSchemaConnectionsAndServerVersionAndCountsOnlyWhenAsked() {
        PostgresServer server = PostgresServer.shared();
        String schema = PostgresServer.freshSchema();
        String location = server.url() + " schema " + schema;
        try (ChatStore store = PostgresTestSources.open(PostgresTestSources.config(server, "primary", schema)
                .withPoolSize(3))) {
            SourceStatus empty = ((StoreAdmin) store).status();
            assertThat(empty).extracting(SourceStatus::schemaVersion, SourceStatus::chats, SourceStatus::detail)
                    .containsExactly("none", -1L, "schema '" + schema + "' will be created by the first write or by "
                            + "migrate");
            store.updateChatInfo(CHAT, ChatType.GROUP, "Group", null, false);
            store.addChatMessage(ChatMessage.builder(CHAT, "1", 7, Instant.parse("2024-03-01T10:00:00Z"))
                    .text("hi").build());

            SourceStatus status = ((StoreAdmin) store).status();
            String level = "chatstore-pg-" + PostgresMigrations.LATEST;
            assertThat(status).as("the probe counts nothing").isEqualTo(new SourceStatus("primary", location, false,
                    3, 0, level, -1, -1, status.backendVersion(), true, ""));
            assertThat(((StoreAdmin) store).statusWithCounts()).isEqualTo(new SourceStatus("primary", location, false,
                    3, 0, level, 1, 1, status.backendVersion(), true, ""));
            assertThat(status.backendVersion()).matches("PostgreSQL 1\\d.*");

            store.close();
            assertThat(((StoreAdmin) store).status()).extracting(SourceStatus::healthy, SourceStatus::detail)
                    .containsExactly(false, "closed");
            assertThatThrownBy(() -> store.getChatInfo(CHAT)).isInstanceOf(StorageClosedException.class);
        }
    }

    /** move-chat reads a fresh target before its first write creates the tables: it answers as an empty store. */
    @Test
    void chatTransferReadsOfASourceNotCreatedYetAreEmpty() {
        try (ChatStore store = PostgresTestSources.freshStore("fresh")) {
            ChatTransfer transfer = (ChatTransfer) store;
            assertThat(transfer.chatIds()).isEmpty();
            transfer.exportChat(CHAT, 10, (table, rows) -> {
                throw new AssertionError("exported " + table + " from a source with no tables");
            });
            assertThat(ChatDigest.of(transfer, CHAT)).allSatisfy(table -> assertThat(table.rows()).isZero());
            assertThat(((StoreAdmin) store).status().schemaVersion()).as("reading created nothing").isEqualTo("none");

            assertThat(transfer.importRows(TransferTable.CHAT_SETTINGS, List.<Object[]>of(new Object[]{CHAT, "lang",
                    "en", Instant.parse("2024-03-01T10:00:00Z"), Instant.parse("2024-03-01T10:00:00Z")})))
                    .isEqualTo(1);
            assertThat(store.getChatSetting(CHAT, "lang")).hasValue("en");
            assertThat(transfer.chatIds()).containsExactly(CHAT);
        }
    }

    /** A password given in the URL (its query string or user info) shows nowhere an operator looks. */
    @Test
    void aPasswordInTheUrlNeverShowsInStatusLocationOrErrors() {
        PostgresServer server = PostgresServer.shared();
        String schema = PostgresServer.freshSchema();
        SourceConfig config = source(server.url() + "?user=postgres&password=" + SECRET, schema);
        assertThat(config.location()).isEqualTo(server.url()).doesNotContain(SECRET);
        try (ChatStore store = PostgresTestSources.open(config)) {
            store.setSetting("k", "v");
            assertThat(((StoreAdmin) store).status().toString()).doesNotContain(SECRET);
            assertThat(((StoreAdmin) store).statusWithCounts().location()).isEqualTo(server.url() + " schema "
                    + schema);
        }

        // Nothing listens on port 1: the failure names the source and its location, not the password.
        SourceConfig unreachable = source("jdbc:postgresql://localhost:1/bot?user=postgres&password=" + SECRET
                + "&connectTimeout=1", schema).withTimeout(Duration.ofSeconds(1));
        assertThat(unreachable.location()).isEqualTo("jdbc:postgresql://localhost:1/bot");
        assertThatThrownBy(() -> PostgresTestSources.open(unreachable))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("'pg'")
                .hasMessageContaining("jdbc:postgresql://localhost:1/bot")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(SECRET));

        // pgjdbc would take "user:password@localhost" for a host name and echo it: such a url is refused up front.
        SourceConfig userInfo = source("jdbc:postgresql://postgres:" + SECRET + "@localhost:1/bot", schema);
        assertThat(userInfo.location()).isEqualTo("jdbc:postgresql://localhost:1/bot");
        assertThatThrownBy(() -> PostgresTestSources.open(userInfo))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'url' must not carry a user or password before the host")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(SECRET));
    }

    private static SourceConfig source(String url, String schema) {
        return new SourceConfig("pg", PostgresStoreProvider.TYPE, false, 2, Duration.ofSeconds(10),
                Map.of(PostgresKeys.URL, url, PostgresKeys.SCHEMA, schema));
    }

    /** The messages of the exception and all its causes and suppressed exceptions. */
    private static String fullText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                text.append(fullText(suppressed));
            }
        }
        return text.toString();
    }
}
