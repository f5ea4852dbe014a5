package dev.chatstore.reliability;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 2, the archive on a read-only mount: a readonly source whose file is in WAL mode, in a folder the process
 * cannot write, with no {@code -shm} beside it. SQLite cannot read such a file (it must create the {@code -shm}), so
 * the source must fail at open with a message that says exactly what to do, change nothing, and open once the file
 * is converted to rollback-journal mode as the message says.
 *
 * <p>The tests run as root here, and root writes any folder, so the reading JVM runs as {@code nobody} (through
 * {@code setpriv}, else {@code runuser}); its class path is copied to a folder {@code nobody} can read. Skipped, with
 * the reason, where neither tool exists; a non-root run needs neither.
 */
class ReadonlyWalFolderIT {
    private static final long CHAT = -1001234567890L;
    private Path base;

    @BeforeEach
    void sharedFolder() throws IOException {
        base = Files.createTempDirectory("chatstore-readonly-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void cleanUp() throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                path.toFile().setWritable(true);
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void aWalArchiveInAnUnwritableFolderFailsSayingWhatToDoAndOpensOnceConverted() throws Exception {
        List<String> asOtherUser = otherUserPrefix();
        String classPath = shareClassPath();
        Path folder = Files.createDirectories(base.resolve("archive"));
        Path archive = folder.resolve("archive.db");
        try (ChatStore writer = new SqliteStoreProvider().open(SourceConfig.of("writer", archive.toString()))) {
            for (int i = 0; i < 25; i++) {
                writer.addChatMessage(Operations.message(CHAT, "m" + i));
            }
        }
        assertThat(journalModeByte(archive)).as("WAL in the file header").isEqualTo(2);
        lockDown(folder, archive);
        String before = TestFiles.sha256(archive);

        String failed = readAs(asOtherUser, classPath, archive);
        assertThat(failed).startsWith("FAILED SourceUnavailableException")
                .contains("'archive'", archive.toString(), "WAL", folder.toString(), "archive.db-shm",
                        "PRAGMA journal_mode=DELETE");
        assertThat(TestFiles.list(folder)).containsExactly("archive.db");
        assertThat(TestFiles.sha256(archive)).isEqualTo(before);

        // What the message says to do, with write access (root here), once:
        folder.toFile().setWritable(true);
        archive.toFile().setWritable(true);
        try (Connection connection = TestFiles.connect(archive, false)) {
            assertThat(TestFiles.column(connection, "PRAGMA journal_mode=DELETE")).containsExactly("delete");
        }
        lockDown(folder, archive);
        String converted = TestFiles.sha256(archive);
        assertThat(readAs(asOtherUser, classPath, archive)).isEqualTo("OPENED 25");
        assertThat(TestFiles.list(folder)).containsExactly("archive.db");
        assertThat(TestFiles.sha256(archive)).isEqualTo(converted);
        System.out.printf("ReadonlyWalFolderIT: as %s: WAL file refused with: %s; converted file read: 25 rows%n",
                asOtherUser.isEmpty() ? "this user" : String.join(" ", asOtherUser), failed);
    }

    private static void lockDown(Path folder, Path archive) throws IOException {
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    }

    private String readAs(List<String> prefix, String classPath, Path archive) {
        try (ChildJvm child = ChildJvm.start(prefix, List.of("-Djava.io.tmpdir=/tmp"), classPath,
                ReadonlyOpenDriver.class, base, archive.toString(), Long.toString(CHAT))) {
            assertThat(child.awaitExit(Duration.ofSeconds(60))).as("driver exit; stderr: %s", child.stderr()).isZero();
            return child.lines().stream().filter(line -> line.startsWith("OPENED") || line.startsWith("FAILED"))
                    .findFirst().orElseThrow(() -> new AssertionError("no result from driver: " + child.lines()
                            + " " + child.stderr()));
        }
    }

    /** Runs the child as {@code nobody} when this JVM is root; as this user otherwise. */
    private static List<String> otherUserPrefix() throws IOException, InterruptedException {
        if (!"0".equals(run("id", "-u"))) {
            return List.of();
        }
        if (run("setpriv", "--version") != null) {
            return List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
        }
        if (run("runuser", "--version") != null) {
            return List.of("runuser", "-u", "nobody", "--");
        }
        Assumptions.abort("running as root without setpriv or runuser: no way to read as a user who cannot write "
                + "the folder; see docs/RELIABILITY.md");
        return List.of();
    }

    private static String run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** This JVM's class path, copied where {@code nobody} can read it (the local Maven repository is root's). */
    private String shareClassPath() throws IOException {
        Path shared = Files.createDirectories(base.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            Path target = shared.resolve(n++ + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                copyTree(source, target);
            } else if (Files.isRegularFile(source)) {
                Files.copy(source, target);
            } else {
                continue;
            }
            entries.add(target.toString());
        }
        try (Stream<Path> files = Files.walk(shared)) {
            for (Path path : files.toList()) {
                path.toFile().setReadable(true, false);
                path.toFile().setExecutable(Files.isDirectory(path), false);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path path : files.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    /** Byte 18 of the SQLite header: 1 rollback journal, 2 WAL. */
    private static int journalModeByte(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(19)[18];
        }
    }
}
