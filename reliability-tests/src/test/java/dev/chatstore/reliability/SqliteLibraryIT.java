package dev.chatstore.reliability;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 6, through the built host: it logs the SQLite library version of every source at start; the minimum library
 * version (3.51.3) is the SQLite plugin's own policy (SqliteVersionRuleTest), so the host applies no version rule to
 * another plugin, shown with a stand-in plugin that reports old versions; and when the folder sqlite-jdbc extracts its native library to
 * is missing, unwritable or mounted {@code noexec}, start fails with one line naming the folder and the property to
 * set ({@code org.sqlite.tmpdir}), and setting it makes start work; the library the plugin keeps beside its jars
 * needs no temporary folder at all.
 */
class SqliteLibraryIT {
    /**
     * The plugin keeps sqlite-jdbc's native library beside its jars and needs no temporary folder
     * ({@code SqliteNativeLibrary}); naming the library leaves the extraction to sqlite-jdbc, which then writes it to
     * the temporary folder as on an install whose plugin folder cannot be written.
     */
    private static final String SQLITE_EXTRACTS_ITS_OWN = "-Dorg.sqlite.lib.name=libsqlitejdbc.so";

    @TempDir
    Path dir;

    @Test
    void theHostLogsTheSqliteVersionOfEverySource() throws IOException {
        Path plugins = HostProcess.sqlitePlugins(dir);
        HostProcess.run(dir, List.of(), List.of(), "--db", dir.resolve("archive.db").toString(), "--plugins",
                plugins.toString(), "migrate").exits(0);
        Path config = Files.writeString(dir.resolve("bot.toml"), """
                [database]
                default = "primary"
                [database.sources.primary]
                path = "primary.db"
                [database.sources.archive]
                path = "archive.db"
                readonly = true
                """);
        HostProcess.Result result = HostProcess.run(dir, List.of(), List.of(), "--config", config.toString(),
                "--plugins", plugins.toString(), "sources").exits(0);
        for (String source : List.of("primary", "archive")) {
            assertThat(result.err()).containsPattern(Pattern.compile("Source " + source
                    + ": type sqlite, at .*" + source + "\\.db, r[ow], pool size \\d+, version 3\\.\\d+\\.\\d+"));
        }
    }

    @Test
    void theHostLeavesLibraryVersionsToTheBackendsPlugin() throws IOException {
        Path plugins = fakeVersionPlugin(dir.resolve("fake-plugins"));
        Path config = Files.writeString(dir.resolve("bot.toml"), """
                [database]
                default = "new"
                [database.sources.new]
                path = "new.version"
                [database.sources.old]
                path = "old.version"
                """);
        Files.writeString(dir.resolve("new.version"), "3.51.3");
        for (String old : List.of("3.51.2", "3.50.4", "3.7.17", "2.8.0")) {
            Files.writeString(dir.resolve("old.version"), old);
            HostProcess.Result result = HostProcess.run(dir, List.of(), List.of(), "--config", config.toString(),
                    "--plugins", plugins.toString(), "sources").exits(0);
            assertThat(result.err()).contains("Source old: type sqlite", "version " + old)
                    .doesNotContain("older than the required");
        }
        for (String accepted : List.of("3.51.3", "3.52.0", "3.54.1", "4.0.0")) {
            Files.writeString(dir.resolve("old.version"), accepted);
            HostProcess.run(dir, List.of(), List.of(), "--config", config.toString(), "--plugins", plugins.toString(),
                    "sources").exits(0);
        }
    }

    @Test
    void anUnusableTempFolderFailsNamingTheFolderAndTheProperty() throws IOException {
        Path plugins = HostProcess.sqlitePlugins(dir);
        Path db = dir.resolve("bot.db");
        // A path under a regular file: no user, root included, can create or write it.
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x").resolve("tmp");
        for (String property : List.of("java.io.tmpdir", "org.sqlite.tmpdir")) {
            HostProcess.Result result = HostProcess.run(dir, List.of(),
                    List.of("-D" + property + "=" + notAFolder, SQLITE_EXTRACTS_ITS_OWN),
                    "--db", db.toString(), "--plugins", plugins.toString(), "sources").exits(2);
            assertThat(result.errorLine()).contains("native library", notAFolder.toString(), "-Dorg.sqlite.tmpdir=");
            assertThat(db).doesNotExist();
        }
        Path native_ = Files.createDirectories(dir.resolve("native"));
        HostProcess.run(dir, List.of(), List.of("-Djava.io.tmpdir=" + notAFolder, "-Dorg.sqlite.tmpdir=" + native_,
                SQLITE_EXTRACTS_ITS_OWN), "--db", db.toString(), "--plugins", plugins.toString(), "sources").exits(0);
    }

    /**
     * sqlite-jdbc's loader deletes the copies earlier runs extracted to its temporary folder, listing the whole folder
     * to find them; with the kept library it lists the kept library's folder instead, so the temporary folder (of
     * hundreds of entries on a busy machine) is not read, and what other programs left there stays.
     */
    @Test
    void theLibraryKeptBesideThePluginLeavesTheTempFolderAlone() throws IOException {
        Path plugins = HostProcess.sqlitePlugins(dir);
        Path db = dir.resolve("bot.db");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path stale = Files.writeString(tmp.resolve("sqlite-" + SQLiteJDBCLoader.getVersion()
                + "-00000000-0000-0000-0000-000000000000-libsqlitejdbc.so"), "left by another program");
        HostProcess.run(dir, List.of(), List.of("-Djava.io.tmpdir=" + tmp), "--db", db.toString(),
                "--plugins", plugins.toString(), "sources").exits(0);
        assertThat(stale).as("a stale extracted copy in the temporary folder, which sqlite-jdbc's own loader deletes")
                .exists();
    }

    @Test
    void theLibraryKeptBesideThePluginNeedsNoTempFolder() throws IOException {
        Path plugins = HostProcess.sqlitePlugins(dir);
        Path db = dir.resolve("bot.db");
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x").resolve("tmp");
        HostProcess.run(dir, List.of(), List.of("-Djava.io.tmpdir=" + notAFolder, "-Dorg.sqlite.tmpdir=" + notAFolder),
                "--db", db.toString(), "--plugins", plugins.toString(), "sources").exits(0);
        try (var found = Files.find(plugins, 16, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().startsWith("libsqlitejdbc"))) {
            assertThat(found.map(path -> plugins.relativize(path).toString()).toList())
                    .as("the native library kept in the expanded plugin's lib/")
                    .anyMatch(path -> path.contains("lib/native-"));
        }
    }

    @Test
    void aNoexecTempFolderFailsNamingTheFolderAndTheProperty() throws IOException, InterruptedException {
        Path mount = Files.createDirectories(dir.resolve("noexec"));
        Assumptions.assumeTrue(canMountNoexec(mount), "mounting a noexec tmpfs needs root with CAP_SYS_ADMIN and "
                + "unshare(1); see docs/RELIABILITY.md");
        Path plugins = HostProcess.sqlitePlugins(dir);
        Path db = dir.resolve("bot.db");
        List<String> inNoexecMount = List.of("unshare", "-m", "sh", "-c",
                "mount -t tmpfs -o noexec tmpfs \"$0\" && exec \"$@\"", mount.toString());
        HostProcess.Result result = HostProcess.run(dir, inNoexecMount, List.of("-Djava.io.tmpdir=" + mount,
                        SQLITE_EXTRACTS_ITS_OWN), "--db", db.toString(), "--plugins", plugins.toString(), "sources").exits(2);
        assertThat(result.errorLine()).contains("native library", mount.toString(), "noexec", "-Dorg.sqlite.tmpdir=");
        Path native_ = Files.createDirectories(dir.resolve("native"));
        HostProcess.run(dir, inNoexecMount, List.of("-Djava.io.tmpdir=" + mount, "-Dorg.sqlite.tmpdir=" + native_,
                        SQLITE_EXTRACTS_ITS_OWN),
                "--db", db.toString(), "--plugins", plugins.toString(), "sources").exits(0);
    }

    private static boolean canMountNoexec(Path mount) throws IOException, InterruptedException {
        try {
            Process probe = new ProcessBuilder("unshare", "-m", "sh", "-c",
                    "mount -t tmpfs -o noexec tmpfs \"$0\" && grep -q \" $0 .*noexec\" /proc/mounts", mount.toString())
                    .redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A plugin zip with {@link FakeVersionProvider}: plugin.properties, lib/fake.jar with an extensions.idx. */
    private static Path fakeVersionPlugin(Path plugins) throws IOException {
        Files.createDirectories(plugins);
        java.io.ByteArrayOutputStream jarBytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream jar = new ZipOutputStream(jarBytes)) {
            String prefix = FakeVersionProvider.class.getName().replace('.', '/');
            // The class and any nested class javac made for it ($1, $2, ...), read from wherever it was loaded.
            for (int n = 0; n < 10; n++) {
                String entry = prefix + (n == 0 ? "" : "$" + n) + ".class";
                try (InputStream in = FakeVersionProvider.class.getClassLoader().getResourceAsStream(entry)) {
                    if (in != null) {
                        jar.putNextEntry(new ZipEntry(entry));
                        jar.write(in.readAllBytes());
                        jar.closeEntry();
                    }
                }
            }
            jar.putNextEntry(new ZipEntry("META-INF/extensions.idx"));
            jar.write((FakeVersionProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        try (OutputStream out = Files.newOutputStream(plugins.resolve("fake-sqlite-version.zip"));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("plugin.properties"));
            zip.write("plugin.id=fake-sqlite-version\nplugin.version=1.0.0\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("lib/fake-sqlite-version.jar"));
            zip.write(jarBytes.toByteArray());
            zip.closeEntry();
        }
        return plugins;
    }
}
