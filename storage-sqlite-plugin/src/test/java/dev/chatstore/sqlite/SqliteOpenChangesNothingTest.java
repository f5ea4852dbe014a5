package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StoreAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opening a source changes nothing (spec/host.md "Reading changes nothing"): a missing writable file reads as an
 * empty store and is created, in WAL mode and at the newest schema, by the first write; and two open sources never
 * share one file.
 */
class SqliteOpenChangesNothingTest {
    private final SqliteStoreProvider provider = new SqliteStoreProvider();

    @TempDir
    Path dir;

    @Test
    void aMissingWritableFileReadsAsEmptyAndTheFirstWriteCreatesIt() throws Exception {
        Path file = dir.resolve("sub/bot.db");
        try (ChatStore store = provider.open(SqliteTestFiles.writable("primary", file))) {
            assertThat(store.getAllGroupChats()).isEmpty();
            assertThat(store.getChatMessages(-100, MessageQuery.all())).isEmpty();
            SourceStatus status = ((StoreAdmin) store).status();
            assertThat(status.healthy()).isTrue();
            assertThat(status.detail()).contains("does not exist yet");
            assertThat(dir.resolve("sub")).doesNotExist();

            store.setSetting("k", "v");

            assertThat(file).isRegularFile();
            assertThat(store.getSetting("k")).hasValue("v");
            assertThat(((StoreAdmin) store).status().detail()).isEmpty();
        }
        try (ChatStore again = provider.open(SqliteTestFiles.readonly("archive", file))) {
            assertThat(again.getSetting("k")).hasValue("v");
        }
        assertThat(SqliteFileCheck.isWalMode(file)).as("switched to WAL by the first write").isTrue();
    }

    @Test
    void aStandInGivesWayToTheFileOnceAnotherWriterCreatedIt() {
        Path file = dir.resolve("shared.db");
        try (ChatStore reader = provider.open(SqliteTestFiles.writable("primary", file));
             ChatStore writer = provider.open(SqliteTestFiles.writable("primary", file))) {
            assertThat(reader.getSetting("k")).isEmpty();

            writer.setSetting("k", "v");

            assertThat(reader.getSetting("k")).as("read from the file now, not the stand-in").hasValue("v");
            reader.setSetting("k2", "v2");
            assertThat(writer.getSetting("k2")).hasValue("v2");
        }
    }

    @Test
    void twoOpenSourcesNeverShareAFileAndClosingReleasesIt() throws Exception {
        Path file = dir.resolve("a.db");
        Files.createSymbolicLink(dir.resolve("link.db"), file);
        try (ChatStore first = provider.open(SqliteTestFiles.writable("primary", file))) {
            first.addChatMessage(ChatMessage.builder(-100, "1", 1, Instant.EPOCH)
                    .text("x").build());
            for (Path path : new Path[] {file, dir.resolve("link.db"), dir.resolve("x/../a.db")}) {
                assertThatThrownBy(() -> provider.open(SqliteTestFiles.readonly("archive", path)))
                        .isInstanceOf(SourceUnavailableException.class)
                        .hasMessageContaining("'primary' and 'archive'").hasMessageContaining("same database file");
            }
        }
        try (ChatStore later = provider.open(SqliteTestFiles.readonly("archive", file));
             ChatStore again = provider.open(SqliteTestFiles.readonly("archive", file))) {
            assertThat(later.getChatMessages(-100, MessageQuery.all())).hasSize(1);
            assertThat(again.getChatMessages(-100, MessageQuery.all())).as("the same source opened twice, as two "
                    + "storages over one config do, is not a second source").hasSize(1);
        }
    }
}
