package dev.chatstore.reliability;

import dev.chatstore.sqlite.PluginConnections;
import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.Storages;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Item 2, in process: a readonly SQLite source cannot be changed by anything a caller can do. Every write operation
 * (all of {@link OperationDescriptor#all()}) is refused by the guard with the guide's message, routed and through the
 * pinned view; the plugin's own store refuses them in SQLite when no guard is in front; raw SQL on its pooled
 * connections cannot write even after switching {@code query_only} off; reads, fan-outs, status and migrate leave
 * the file byte for byte as it was (SHA-256); a missing readonly file is reported and never created.
 */
class ReadonlyTest {
    static final long ARCHIVED_CHAT = -1001234567890L;
    static final long LIVE_CHAT = -1009876543210L;
    static final String GUIDE_MESSAGE = "Cannot perform write operation on readonly source 'archive'. "
            + "This source is configured as readonly.";

    @TempDir
    Path dir;
    Path archive;
    Path primary;

    @BeforeEach
    void archiveFile() {
        archive = dir.resolve("archive.db");
        primary = dir.resolve("primary.db");
        // Written as a writable source (so in WAL mode, as archives made from a live bot are), then closed.
        try (ChatStore writer = new SqliteStoreProvider().open(SourceConfig.of("archive", archive.toString()))) {
            Operations.fillEveryTable(writer, ARCHIVED_CHAT);
        }
    }

    private StorageConfig config(String defaultSource) {
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("archive", Map.of("path", archive.toString(), "readonly", true, "pool-size", 2, "timeout", 5.0));
        sources.put("primary", Map.of("path", primary.toString(), "pool-size", 2, "timeout", 5.0));
        return Configs.fromMap(Map.of("default", defaultSource, "sources", sources,
                "chatMapping", Map.of(ARCHIVED_CHAT, "archive")));
    }

    @Test
    void everyWriteThroughStorageIsRefusedWithTheGuidesMessageAndTheFileIsUnchanged() {
        String before = TestFiles.sha256(archive);
        List<String> filesBefore = TestFiles.list(dir);
        int refused = 0;
        // Default source archive: chat-routed writes reach it by the mapping, the others as the default.
        try (Storage storage = Storages.open(config("archive"), List.of(new SqliteStoreProvider()))) {
            for (OperationDescriptor operation : Operations.writes()) {
                for (ChatStore target : List.of(storage, storage.source("archive"))) {
                    Object outcome = Operations.call(target, operation, ARCHIVED_CHAT, "w" + refused);
                    assertThat(outcome).as("%s through %s", operation.name(), target)
                            .isInstanceOf(ReadOnlySourceException.class);
                    assertThat(((ReadOnlySourceException) outcome).getMessage()).startsWith(GUIDE_MESSAGE)
                            .contains(operation.name());
                    refused++;
                }
            }
        }
        assertThat(refused).isEqualTo(2 * Operations.writes().size()).isGreaterThanOrEqualTo(2 * 27);
        assertThat(TestFiles.sha256(archive)).isEqualTo(before);
        // SQLite gives a WAL-mode file its -wal and -shm even for a read-only connection, which then cannot remove
        // them; closing the source removes them once no process uses them. The primary, never written, is not
        // created: the folder is as it was.
        assertThat(TestFiles.list(dir)).containsExactlyInAnyOrderElementsOf(filesBefore);
    }

    @Test
    void readsFanOutsStatusAndMigrateLeaveTheFileByteForByteUnchanged() {
        String before = TestFiles.sha256(archive);
        try (Storage storage = Storages.open(config("primary"), List.of(new SqliteStoreProvider()))) {
            storage.updateChatInfo(LIVE_CHAT, dev.chatstore.storage.spi.ChatType.GROUP, "Live", null, false);
            for (OperationDescriptor operation : Operations.reads()) {
                for (ChatStore target : List.of(storage, storage.source("archive"))) {
                    Object outcome = Operations.call(target, operation, ARCHIVED_CHAT, "r");
                    assertThat(outcome).as("%s through %s", operation.name(), target).isNotInstanceOf(Throwable.class);
                }
            }
            assertThat(storage.getAllGroupChats()).extracting(ChatInfo::chatId).contains(ARCHIVED_CHAT, LIVE_CHAT);
            assertThat(storage.fanOutWithSources("getAllGroupChats", ChatStore::getAllGroupChats))
                    .anySatisfy(row -> assertThat(row.sourceName()).isEqualTo("archive"));
            assertThat(storage.getChatMessage(ARCHIVED_CHAT, "kept")).isPresent();
            StoreAdmin admin = storage.admin("archive").orElseThrow();
            assertThat(admin.status().healthy()).isTrue();
            assertThat(admin.migrate().changed()).isFalse();
        }
        assertThat(TestFiles.sha256(archive)).isEqualTo(before);
    }

    @Test
    void thePluginsOwnStoreAndConnectionsRefuseEveryWriteWithNoGuardInFront() {
        String before = TestFiles.sha256(archive);
        SourceConfig readonly = new SourceConfig("archive", "sqlite", true, 2, Duration.ofSeconds(5), java.util.Map.of("path", archive.toString()));
        try (ChatStore store = new SqliteStoreProvider().open(readonly)) {
            for (OperationDescriptor operation : Operations.writes()) {
                Object outcome = Operations.call(store, operation, ARCHIVED_CHAT, "direct");
                assertThat(outcome).as(operation.name()).isInstanceOf(StorageException.class)
                        .isNotInstanceOf(ReadOnlySourceException.class); // SQLite refused it, not a guard
                assertThat(((Throwable) outcome).getMessage()).contains("'archive'", archive.toString(),
                        operation.name(), "read-only");
            }
            for (String[] sql : List.of(
                    new String[] {"INSERT INTO settings (key, value) VALUES ('sneaky', 'x')"},
                    new String[] {"PRAGMA query_only = OFF", "DELETE FROM chat_messages"},
                    new String[] {"PRAGMA query_only = OFF", "PRAGMA journal_mode = DELETE"},
                    new String[] {"PRAGMA query_only = OFF", "CREATE TABLE evil (x)"},
                    new String[] {"PRAGMA query_only = OFF", "PRAGMA user_version = 99"},
                    new String[] {"PRAGMA query_only = OFF", "VACUUM"})) {
                assertThatThrownBy(() -> PluginConnections.execute(store, sql)).as(String.join("; ", sql))
                        .isInstanceOf(StorageException.class).hasMessageContaining("archive");
            }
            assertThat(store.getSetting("sneaky")).isEmpty();
            assertThat(store.getChatMessage(ARCHIVED_CHAT, "kept")).isPresent();
        }
        assertThat(TestFiles.sha256(archive)).isEqualTo(before);
    }

    @Test
    void aMissingReadonlyFileIsReportedWithSourceAndPathAndNeverCreated() {
        Path missingFile = dir.resolve("gone.db");
        Path missingFolder = dir.resolve("no-such-folder").resolve("archive.db");
        for (Path missing : List.of(missingFile, missingFolder)) {
            archive = missing;
            assertThatThrownBy(() -> Storages.open(config("primary"), List.of(new SqliteStoreProvider())))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("'archive'").hasMessageContaining(missing.toString())
                    .hasMessageContaining("does not exist");
            assertThat(missing).doesNotExist();
            assertThat(Path.of(missing + "-wal")).doesNotExist();
            assertThat(Path.of(missing + "-shm")).doesNotExist();
            assertThat(missing.getParent()).satisfiesAnyOf(
                    folder -> assertThat(folder).isEqualTo(dir),
                    folder -> assertThat(Files.exists(folder)).isFalse());
        }
    }
}
