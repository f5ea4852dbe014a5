package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.chatstore.host.HostProcess.run;
import static dev.chatstore.host.HostProcess.write;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code check-config} on the shipped example configs and on broken ones. */
class CheckConfigIT {
    @TempDir
    static Path shared;

    static Path plugins;
    static Path emptyDatabase;

    @BeforeAll
    static void createAnEmptyDatabase() {
        plugins = HostProcess.installPlugins(shared);
        // One database at the newest schema, copied wherever an example needs a readonly file to exist.
        run(shared, "--db", "template.db", "--plugins", plugins.toString(), "migrate").exits(0);
        emptyDatabase = shared.resolve("template.db");
    }

    static Stream<Path> exampleConfigs() throws IOException {
        try (Stream<Path> files = Files.list(HostProcess.repoRoot().resolve("configs/examples"))) {
            List<Path> examples = files.filter(file -> file.toString().endsWith(".toml")).sorted().toList();
            assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
            return examples.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("exampleConfigs")
    void everyExampleConfigChecksOut(Path example, @TempDir Path dir) throws IOException {
        Path config = Files.copy(example, dir.resolve(example.getFileName()));
        StorageConfig storage = dev.chatstore.storage.config.StorageConfigReader.fromToml(config, TestKeys.SQLITE);
        for (SourceConfig source : storage.sources()) {
            if (source.readonly()) {
                Files.createDirectories(Path.of(source.requireString("path")).getParent());
                Files.copy(emptyDatabase, Path.of(source.requireString("path")));
            }
        }

        JsonNode report = run(dir, "--config", config.getFileName().toString(), "--plugins", plugins.toString(),
                "check-config", "--json").exits(0).json();

        assertThat(report.path("configFile").asText()).isEqualTo(config.toString());
        assertThat(report.path("pluginsDir").asText()).isEqualTo(plugins.toString());
        assertThat(report.path("types").toString()).contains("sqlite");
        assertThat(report.path("defaultSource").asText()).isEqualTo(storage.defaultSource());
        List<String> names = new ArrayList<>();
        report.path("sources").forEach(row -> {
            names.add(row.path("name").asText());
            assertThat(row.path("healthy").asBoolean()).as("source %s healthy", row.path("name")).isTrue();
        });
        assertThat(names).isEqualTo(storage.sourceNames());
        List<Map.Entry<Long, String>> mapping = new ArrayList<>();
        report.path("chatMapping").forEach(row -> mapping.add(Map.entry(row.path("chatId").asLong(),
                row.path("source").asText())));
        assertThat(mapping).containsExactlyElementsOf(storage.chatMapping().entrySet());
        for (SourceConfig source : storage.sources()) {
            // check-config changes no file: a writable file is created by the first write (or migrate).
            assertThat(Files.exists(Path.of(source.requireString("path")))).as("source %s exists", source.name())
                    .isEqualTo(source.readonly());
        }
        report.path("sources").forEach(row -> assertThat(row.path("detail").isTextual() ? row.path("detail").asText() : "")
                .as("note of %s", row.path("name")).isEqualTo(row.path("readonly").asBoolean() ? ""
                        : "the file does not exist yet; it will be created (schema 6+chatstore-5) on the first write "
                        + "or by migrate"));
    }

    @Test
    void theReadableReportShowsTheRoutingTable(@TempDir Path dir) {
        write(dir.resolve("bot.toml"), """
                [database]
                default = "primary"
                [database.sources.primary]
                path = "primary.db"
                [database.sources.testing]
                path = "testing.db"
                [database.chatMapping]
                -1005555555555 = "testing"
                """);

        HostProcess.Result result = run(dir, "--config", "bot.toml", "--plugins", plugins.toString(), "check-config")
                .exits(0);

        assertThat(result.out()).contains("Configuration OK: " + dir.resolve("bot.toml"),
                "Routing: default source 'primary'", "-1005555555555  testing  rw", "(any other)     primary  rw");
    }

    @Test
    void aBrokenConfigListsEveryProblemAndExits2(@TempDir Path dir) {
        write(dir.resolve("broken.toml"), """
                [plugins]
                dirr = "plugins"

                [database]
                default = "missing"

                [database.sources.primary]
                path = "primary.db"
                pool_size = 3
                readonly = "yes"

                [database.sources.archive]
                timeout = -1

                [database.chatMapping]
                -1001234567890 = "archiv"
                abc = "primary"
                """);

        HostProcess.Result result = run(dir, "--config", "broken.toml", "--plugins", plugins.toString(), "check-config")
                .exits(2);

        assertThat(result.err()).contains(
                "Default source 'missing' not found in sources configuration",
                "Source 'archive' missing required 'path' field",
                "Chat -1001234567890 is mapped to unknown source 'archiv'",
                "chatMapping key 'abc' is not a chat id",
                "pool_size",
                "readonly",
                "timeout",
                "unknown key 'dirr' in [plugins]");
        assertThat(result.err().lines().filter(line -> line.startsWith("  - ")).count()).isGreaterThanOrEqualTo(8);
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
        assertThat(dir.resolve("primary.db")).doesNotExist();
    }

    @Test
    void missingReadonlyFilesAreAllListedAndNeverCreated(@TempDir Path dir) {
        write(dir.resolve("readonly.toml"), """
                [database]
                default = "primary"
                [database.sources.primary]
                path = "primary.db"
                [database.sources.old-2023]
                path = "old-2023.db"
                readonly = true
                [database.sources.old-2022]
                path = "old-2022.db"
                readonly = true
                """);

        HostProcess.Result result = run(dir, "--config", "readonly.toml", "--plugins", plugins.toString(),
                "check-config").exits(2);

        assertThat(result.err()).contains("2 sources cannot be opened", "source 'old-2023'", "source 'old-2022'");
        assertThat(dir.resolve("old-2023.db")).doesNotExist();
        assertThat(dir.resolve("old-2022.db")).doesNotExist();
    }

    @Test
    void aMissingReadonlyFileStopsEveryCommandWithExitCode2(@TempDir Path dir) {
        write(dir.resolve("gone.toml"), """
                [database.sources.default]
                path = "gone.db"
                readonly = true
                """);

        HostProcess.Result result = run(dir, "--config", "gone.toml", "--plugins", plugins.toString(), "chats").exits(2);

        assertThat(result.err()).contains("Error: ").contains("'default'").contains(dir.resolve("gone.db").toString());
        assertThat(dir.resolve("gone.db")).doesNotExist();
    }

    @Test
    void aTypeNoPluginProvidesIsFatalAndNamesKnownTypesAndThePluginsFolder(@TempDir Path dir) {
        write(dir.resolve("typo.toml"), """
                [database.sources.default]
                path = "bot.db"
                type = "postgres"
                """);

        HostProcess.Result result = run(dir, "--config", "typo.toml", "--plugins", plugins.toString(), "sources")
                .exits(2);

        assertThat(result.err()).contains("No storage plugin provides type 'postgres' (source default)",
                "Known types: sqlite", plugins.toString());
        assertThat(result.err().lines().filter(line -> line.startsWith("Error:")).count()).isEqualTo(1);
        assertThat(dir.resolve("bot.db")).doesNotExist();
    }

    @Test
    void configAndDbTogetherIsAUsageError(@TempDir Path dir) {
        HostProcess.Result result = run(dir, "--config", "bot.toml", "--db", "bot.db", "sources").exits(2);

        assertThat(result.err()).contains("Cannot provide both dbPath and config - choose one mode");
    }
}
