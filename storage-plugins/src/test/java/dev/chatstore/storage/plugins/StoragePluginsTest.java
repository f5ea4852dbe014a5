package dev.chatstore.storage.plugins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The loader over a real folder through the real PF4J manager (plugins that load are covered by the host's ITs). */
class StoragePluginsTest {
    @TempDir
    Path dir;

    @Test
    void strayEntriesAreSkippedOneLineEachAndLoadingGoesOn() throws IOException {
        Files.createDirectories(dir.resolve("old-backup"));
        Files.writeString(dir.resolve("README.txt"), "notes");
        Files.writeString(dir.resolve(".gitkeep"), "");
        try (OutputStream file = Files.newOutputStream(dir.resolve("photos.zip"));
             ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("a.jpg"));
            zip.write(1);
            zip.closeEntry();
        }

        try (StoragePlugins plugins = StoragePlugins.load(dir)) {
            assertThat(plugins.providers()).isEmpty();
            assertThat(plugins.plugins()).isEmpty();
            assertThat(plugins.problems()).hasSize(3)
                    .anySatisfy(line -> assertThat(line).startsWith("Skipped " + dir.resolve("old-backup")))
                    .anySatisfy(line -> assertThat(line).startsWith("Skipped " + dir.resolve("README.txt")))
                    .anySatisfy(line -> assertThat(line).startsWith("Skipped " + dir.resolve("photos")))
                    .allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        }
    }

    @Test
    void aMissingFolderGivesNoPluginsAndNoFailure() {
        try (StoragePlugins plugins = StoragePlugins.load(dir.resolve("absent"))) {
            assertThat(plugins.providers()).isEmpty();
            assertThat(plugins.pluginsDir()).isEqualTo(dir.resolve("absent"));
        }
    }
}
