package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;

import static dev.chatstore.host.HostProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The third-party example plugin (examples/example-plugin, built in the reactor) loaded by the built host next to
 * the SQLite plugin: its own key is checked by its provider, it has no StoreAdmin and still lists healthy and
 * migrates with "no schema migrations".
 */
class ExamplePluginIT {
    static final Path EXAMPLE_ZIP = HostProcess.repoRoot()
            .resolve("examples/example-plugin/target/chatstore-example-plugin-1.0.0-plugin.zip");

    @TempDir
    Path dir;

    @BeforeEach
    void install() throws IOException {
        Path plugins = HostProcess.installPlugins(dir);
        Files.copy(EXAMPLE_ZIP, plugins.resolve("chatstore-example-plugin.zip"));
    }

    private void config(String exampleLines) throws IOException {
        Files.writeString(dir.resolve("bot.toml"), """
                [plugins]
                dir = "plugins"
                [database]
                default = "primary"
                [database.sources.primary]
                path = "data/primary.db"
                [database.sources.scratch]
                type = "example"
                """ + exampleLines + """
                [database.chatMapping]
                42 = "scratch"
                """);
    }

    @Test
    void theZipHoldsOnlyWhatTheHostLacks() throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(EXAMPLE_ZIP.toFile())) {
            zip.stream().map(entry -> entry.getName()).forEach(entries::add);
        }
        Collections.sort(entries);
        assertThat(entries).containsExactly("lib/", "lib/chatstore-example-plugin-1.0.0.jar",
                "lib/storage-memory-0.1.0-SNAPSHOT.jar", "plugin.properties");
    }

    @Test
    void theExampleSourceServesItsChatsNextToSqlite() throws IOException {
        config("label = \"scratch space\"\n");

        JsonNode report = run(dir, "--config", "bot.toml", "check-config", "--json").exits(0).json();
        assertThat(report.path("types").toString()).contains("sqlite", "example");

        JsonNode sources = run(dir, "--config", "bot.toml", "sources", "--json").exits(0).json();
        JsonNode scratch = sources.get(1);
        assertThat(scratch.path("name").asText()).isEqualTo("scratch");
        assertThat(scratch.path("type").asText()).isEqualTo("example");
        assertThat(scratch.path("healthy").asBoolean()).as("health without StoreAdmin").isTrue();

        HostProcess.Result migrate = run(dir, "--config", "bot.toml", "migrate", "--json").exits(0);
        assertThat(migrate.json().get(1).path("result").asText()).isEqualTo("no schema migrations");
        assertThat(migrate.json().get(0).path("source").asText()).isEqualTo("primary");

        HostProcess.Result route = run(dir, "--config", "bot.toml", "route", "--chat", "42").exits(0);
        assertThat(route.out()).contains("scratch");
    }

    @Test
    void theExampleProviderChecksItsOwnKeys() throws IOException {
        config("lable = \"typo\"\npath = \"x.db\"\n");

        HostProcess.Result result = run(dir, "--config", "bot.toml", "check-config").exits(2);

        assertThat(result.err()).contains("Source 'scratch': unknown key 'lable' (did you mean 'label'?)",
                "Source 'scratch': unknown key 'path'");
    }
}
