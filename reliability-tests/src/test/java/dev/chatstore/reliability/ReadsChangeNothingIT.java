package dev.chatstore.reliability;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "reading changes nothing", through the built host: the reading commands and the failing ones neither
 * create a missing writable file (nor its folders), nor migrate or switch the journal mode of the original bot's
 * file; a readonly WAL archive's folder is left as it was; a WAL archive on a read-only file system gets the advice
 * to switch it to {@code journal_mode=DELETE}.
 */
class ReadsChangeNothingIT {
    static final long CHAT = -1001234567890L;
    static final String V1 = "dev/chatstore/sqlite/migration/V1__original_schema_level_6.sql";

    @TempDir
    Path dir;
    HostFiles host;

    @BeforeEach
    void host() {
        host = new HostFiles(dir);
    }

    @Test
    void readingAndFailingCommandsCreateNoMissingWritableFileAndTheFirstWriteDoes() {
        Path config = host.config("data/sub/bot.db", null);

        String checked = host.host(config, "check-config").exits(0).out();
        assertThat(checked).contains("does not exist yet; it will be created");
        host.host(config, "sources").exits(0);
        host.host(config, "chats").exits(0);
        assertThat(host.host(config, "messages", "--chat", "5").exits(0).out()).doesNotContain("m1");
        host.host(config, "route", "--chat", "5", "--write").exits(0);
        host.host(config, "messages", "--chat", "5", "--source", "nope").exits(2);
        host.host(config, "chats", "--source", "nope").exits(2);
        assertThat(dir.resolve("data")).as("no read or failing command creates the file or its folders")
                .doesNotExist();

        host.write("one.jsonl", HostFiles.update(1, CHAT, "G", 1, HostFiles.ALICE, null) + "\n");
        host.host(config, "ingest", dir.resolve("one.jsonl").toString()).exits(0);
        assertThat(dir.resolve("data/sub/bot.db")).isRegularFile();
        assertThat(host.host(config, "messages", "--chat", Long.toString(CHAT)).exits(0).out()).contains("m1");
    }

    @Test
    void theOriginalBotsFileIsReadWithoutBeingMigratedOrSwitchedToWal() throws Exception {
        Path original = originalFile(dir.resolve("original.db"));
        String before = TestFiles.sha256(original);
        Path config = host.config("original.db", null);

        assertThat(host.host(config, "check-config").exits(0).out()).contains("will be brought to");
        host.host(config, "sources").exits(0);
        host.host(config, "chats").exits(0);
        assertThat(host.host(config, "messages", "--chat", Long.toString(CHAT)).exits(0).out())
                .contains("from the original");
        host.host(config, "route", "--chat", Long.toString(CHAT)).exits(0);

        assertThat(TestFiles.sha256(original)).isEqualTo(before);
        assertThat(TestFiles.list(dir)).doesNotContain("original.db-wal", "original.db-shm");
        try (Connection connection = TestFiles.connect(original, true)) {
            assertThat(TestFiles.column(connection, "PRAGMA journal_mode")).containsExactly("delete");
            assertThat(TestFiles.number(connection, "SELECT count(*) FROM sqlite_master WHERE name = "
                    + "'chatstore_schema_history'")).isZero();
        }
    }

    @Test
    void readingAReadonlyWalArchiveLeavesItsFolderAsItWas() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("archive"));
        Path archive = folder.resolve("archive.db");
        try (ChatStore writer = new SqliteStoreProvider().open(SourceConfig.of("archive", archive.toString()))) {
            writer.addChatMessage(Operations.message(CHAT, "1"));
        }
        assertThat(TestFiles.list(folder)).containsExactly("archive.db");
        String before = TestFiles.sha256(archive);
        Path config = host.config("primary.db", "archive/archive.db");

        host.host(config, "messages", "--chat", Long.toString(CHAT), "--source", "archive").exits(0);
        host.host(config, "chats").exits(0);
        host.host(config, "check-config").exits(0);

        assertThat(TestFiles.list(folder)).as("no -wal or -shm left beside the archive").containsExactly("archive.db");
        assertThat(TestFiles.sha256(archive)).isEqualTo(before);
    }

    @Test
    void aWalArchiveOnAReadOnlyFileSystemGetsTheJournalModeAdvice() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("mount"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mount.toString()),
                "mounting a tmpfs needs root with CAP_SYS_ADMIN");
        try {
            Path archive = mount.resolve("archive.db");
            try (ChatStore writer = new SqliteStoreProvider().open(SourceConfig.of("archive", archive.toString()))) {
                writer.addChatMessage(Operations.message(CHAT, "1"));
            }
            assertThat(run("mount", "-o", "remount,ro", mount.toString())).isTrue();
            Path config = host.config("primary.db", "mount/archive.db");

            String error = host.host(config, "check-config").exits(2).err();

            assertThat(error).contains("'archive'", "WAL", "read-only file system", "PRAGMA journal_mode=DELETE")
                    .doesNotContain("Unexpected");
        } finally {
            run("umount", mount.toString());
        }
    }

    /** A file as the original bot leaves it: the level-6 tables with version row "6" (V1), rollback journal, a few rows. */
    private static Path originalFile(Path file) throws Exception {
        String script;
        try (InputStream in = ReadsChangeNothingIT.class.getClassLoader().getResourceAsStream(V1)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = TestFiles.connect(file, false); Statement statement = connection.createStatement()) {
            String withoutComments = script.lines().filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            for (String sql : withoutComments.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            statement.execute("INSERT INTO chat_info (chat_id, title, type) VALUES (" + CHAT + ", 'Old', 'supergroup')");
            statement.execute("INSERT INTO chat_users (chat_id, user_id, username, full_name) VALUES (" + CHAT
                    + ", 1001, '@alice', 'Alice Liddell')");
            statement.execute("INSERT INTO chat_messages (chat_id, message_id, date, user_id, root_message_id, "
                    + "message_text) VALUES (" + CHAT + ", '1', '2024-02-01 09:00:00', 1001, '1', 'from the original')");
        }
        return file;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }
}
