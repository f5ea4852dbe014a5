package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StoreAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first write's setup ({@link SqliteWriteSetup}) skips its new connections only for a file that needs nothing
 * (current schema, WAL already), and still switches and migrates every other file before the first write.
 */
class SqliteWriteSetupTest {
    private final SqliteStoreProvider provider = new SqliteStoreProvider();

    @TempDir
    Path dir;

    private Path currentFile(String name) {
        Path file = dir.resolve(name);
        try (ChatStore store = provider.open(SqliteTestFiles.writable("primary", file))) {
            ((StoreAdmin) store).migrate();
        }
        return file;
    }

    @Test
    void aCurrentWalFileNeedsNothing() throws Exception {
        Path file = currentFile("bot.db");
        SqliteWriteSetup setup = new SqliteWriteSetup(SqliteTestFiles.writable("primary", file), file.toString(), false);
        try (Connection connection = SqliteTestFiles.connect(file)) {
            assertThat(setup.alreadyDone(connection)).isTrue();
        }
        try (ChatStore store = provider.open(SqliteTestFiles.writable("primary", file))) {
            store.addChatMessage(ChatMessage.builder(-100, "1", 7, Instant.EPOCH).text("x").build());
            assertThat(store.getChatMessages(-100, MessageQuery.all())).hasSize(1);
        }
    }

    @Test
    void aCurrentFileInRollbackModeIsStillSwitchedToWalByTheFirstWrite() throws Exception {
        Path file = currentFile("bot.db");
        SqliteTestFiles.execute(file, "PRAGMA journal_mode = DELETE;");
        assertThat(SqliteFileCheck.isWalMode(file)).isFalse();
        SqliteWriteSetup setup = new SqliteWriteSetup(SqliteTestFiles.writable("primary", file), file.toString(), false);
        try (Connection connection = SqliteTestFiles.connect(file)) {
            assertThat(setup.alreadyDone(connection)).isFalse();
        }

        try (ChatStore store = provider.open(SqliteTestFiles.writable("primary", file))) {
            assertThat(SqliteFileCheck.isWalMode(file)).as("opening changes nothing").isFalse();
            store.addChatMessage(ChatMessage.builder(-100, "1", 7, Instant.EPOCH).text("x").build());
        }
        assertThat(SqliteFileCheck.isWalMode(file)).as("switched by the first write").isTrue();
    }

    @Test
    void anOlderSchemaIsStillMigratedByTheFirstWrite() throws Exception {
        Path file = SqliteTestFiles.originalLevel6(dir.resolve("original.db"));
        SqliteWriteSetup setup = new SqliteWriteSetup(SqliteTestFiles.writable("primary", file), file.toString(), false);
        try (Connection connection = SqliteTestFiles.connect(file)) {
            assertThat(setup.alreadyDone(connection)).isFalse();
        }

        try (ChatStore store = provider.open(SqliteTestFiles.writable("primary", file))) {
            store.addChatMessage(ChatMessage.builder(-100, "1", 7, Instant.EPOCH).text("x").build());
        }
        try (Connection connection = SqliteTestFiles.connect(file)) {
            assertThat(SqliteSchema.read(connection).isCurrent()).isTrue();
        }
        assertThat(SqliteFileCheck.isWalMode(file)).isTrue();
    }

    @Test
    void aStandInAlwaysRunsTheWholeSetup() throws Exception {
        Path other = currentFile("other.db");
        Path missing = dir.resolve("missing.db");
        SqliteWriteSetup setup = new SqliteWriteSetup(SqliteTestFiles.writable("primary", missing), missing.toString(),
                true);
        try (Connection connection = SqliteTestFiles.connect(other)) {
            assertThat(setup.alreadyDone(connection)).isFalse();
        }
    }
}
