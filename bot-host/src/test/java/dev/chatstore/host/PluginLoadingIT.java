package dev.chatstore.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static dev.chatstore.host.HostProcess.run;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** How the host copes with badly packaged plugins: variants of the built SQLite zip. */
class PluginLoadingIT {
    @Test
    void aPluginThatBundlesTheSpiStillWorksBecauseTheSpiComesFromTheHost(@TempDir Path dir) throws IOException {
        Path spiJar;
        try (var jars = Files.list(HostProcess.jar().getParent().resolve("lib"))) {
            spiJar = jars.filter(jar -> jar.getFileName().toString().startsWith("storage-api-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no storage-api jar beside the host jar"));
        }
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        copyZip(plugins.resolve(HostProcess.PLUGIN_ZIP), (name, bytes) -> bytes, "lib/" + spiJar.getFileName(),
                Files.readAllBytes(spiJar));

        HostProcess.Result result = run(dir, "--db", "bot.db", "--plugins", "plugins", "sources", "--json").exits(0);

        assertThat(result.json().get(0).path("healthy").asBoolean()).isTrue();
        assertThat(result.err()).contains("bundles the storage SPI", "<scope>provided</scope>");
    }

    @Test
    void strayEntriesInThePluginsFolderGiveOneWarnLineEachAndTracesOnlyWithVerbose(@TempDir Path dir)
            throws IOException {
        Path plugins = HostProcess.installPlugins(dir);
        Files.createDirectories(plugins.resolve("old-plugin-backup"));
        Files.writeString(plugins.resolve("notes.txt"), "which plugins we run");

        HostProcess.Result result = run(dir, "--db", "bot.db", "--plugins", "plugins", "sources").exits(0);

        assertThat(result.err().lines().filter(line -> line.contains("WARN") && line.contains("Skipped")))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains(plugins.resolve("old-plugin-backup").toString()))
                .anySatisfy(line -> assertThat(line).contains(plugins.resolve("notes.txt").toString()));
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("ERROR");

        HostProcess.Result verbose = run(dir, "-v", "--db", "bot.db", "--plugins", "plugins", "sources").exits(0);
        assertThat(verbose.err()).contains("Why " + plugins.resolve("old-plugin-backup") + " is no plugin", "\tat ");
    }

    @Test
    void twoPluginsProvidingOneTypeAreFatal(@TempDir Path dir) throws IOException {
        Path plugins = HostProcess.installPlugins(dir);
        copyZip(plugins.resolve("storage-sqlite-copy.zip"), (name, bytes) -> name.equals("plugin.properties")
                ? new String(bytes, UTF_8).replace("plugin.id=storage-sqlite", "plugin.id=storage-sqlite-copy")
                        .getBytes(UTF_8)
                : bytes, null, null);

        HostProcess.Result result = run(dir, "--db", "bot.db", "--plugins", "plugins", "sources").exits(2);

        assertThat(result.err()).contains("Storage type 'sqlite' is provided twice", "storage-sqlite-copy",
                plugins.toString());
        assertThat(dir.resolve("bot.db")).doesNotExist();
    }

    /** Copies the built plugin zip to {@code target}, transforming entries and optionally adding one. */
    private static void copyZip(Path target, BiFunction<String, byte[], byte[]> transform, String extraName,
            byte[] extraBytes) throws IOException {
        Path source = HostProcess.repoRoot().resolve("plugins").resolve(HostProcess.PLUGIN_ZIP);
        try (ZipFile zip = new ZipFile(source.toFile()); OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        out.write(transform.apply(entry.getName(), in.readAllBytes()));
                    }
                }
                out.closeEntry();
            }
            if (extraName != null) {
                out.putNextEntry(new ZipEntry(extraName));
                out.write(extraBytes);
                out.closeEntry();
            }
        }
    }
}
