package dev.chatstore.reliability;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "readonly and file identity", through the built host: a writable source pointing at a readonly source's
 * file (the same string, {@code ./x/../}, a symlink, a hard-linked {@code -wal}) is refused by {@code check-config}
 * and by a writing command with exit 2 naming both sources, and the archive's bytes never change; a {@code ?} in a
 * path is refused instead of being handed to the driver as options.
 */
class FileIdentityIT {
    static final long CHAT = -1001234567890L;

    @TempDir
    Path dir;
    HostFiles host;
    Path archive;

    @BeforeEach
    void archive() throws Exception {
        host = new HostFiles(dir);
        archive = dir.resolve("arch.db");
        try (ChatStore writer = new SqliteStoreProvider().open(SourceConfig.of("archive", archive.toString()))) {
            writer.addChatMessage(Operations.message(CHAT, "1"));
        }
        host.write("updates.jsonl", HostFiles.update(1, -1009, "Other", 7, HostFiles.ALICE, null) + "\n");
    }

    @Test
    void aWritableSourceOnTheArchivesFileIsRefusedWhateverThePathLooksLike() throws Exception {
        Files.createSymbolicLink(dir.resolve("link.db"), archive);
        Files.createDirectories(dir.resolve("x"));
        String before = TestFiles.sha256(archive);
        for (String primary : List.of("arch.db", "./x/../arch.db", "link.db", archive.toString())) {
            Path config = host.config(primary, "arch.db");

            String checked = host.host(config, "check-config").exits(2).err();
            assertThat(checked).as("primary = %s", primary).contains("'primary'", "'archive'", "same database file");

            String ingest = host.host(config, "ingest", dir.resolve("updates.jsonl").toString()).exits(2).errorLine();
            assertThat(ingest).contains("'primary'", "'archive'");
            assertThat(TestFiles.sha256(archive)).as("archive after primary = %s", primary).isEqualTo(before);
        }
    }

    @Test
    void aWalFileSharedThroughAHardLinkIsRefused() throws Exception {
        Path other = dir.resolve("other.db");
        try (ChatStore writer = new SqliteStoreProvider().open(SourceConfig.of("primary", other.toString()))) {
            writer.addChatMessage(Operations.message(CHAT, "2"));
        }
        Files.createFile(dir.resolve("arch.db-wal"));
        Files.createLink(dir.resolve("other.db-wal"), dir.resolve("arch.db-wal"));

        String checked = host.host(host.config("other.db", "arch.db"), "check-config").exits(2).err();

        assertThat(checked).contains("'primary'", "'archive'", "-wal");
    }

    @Test
    void aQuestionMarkInAPathIsRefusedAsAConfigProblem() {
        String checked = host.host(host.config("data/bot.db?journal_mode=delete", null), "check-config").exits(2).err();

        assertThat(checked).contains("'primary'", "contains '?'");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
