package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.chatstore.host.HostProcess.run;
import static dev.chatstore.host.HostProcess.write;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code maintain} through the built jar: checkpoint and ANALYZE, a compacted copy that holds every row. */
class MaintainIT {
    @TempDir
    Path dir;

    @Test
    void maintainCheckpointsAnalyzesAndCompactsACopyWithEveryRow() throws Exception {
        HostProcess.installPlugins(dir);
        Files.copy(HostProcess.sample(), dir.resolve("updates.jsonl"));
        run(dir, "--db", "bot.db", "--plugins", "plugins", "ingest", "updates.jsonl");
        long messages = messages(dir, "bot.db");
        assertThat(messages).isPositive();

        HostProcess.Result routine = run(dir, "--db", "bot.db", "--plugins", "plugins", "maintain").exits(0);
        assertThat(routine.out()).containsPattern("Source 'default': checkpoint: [\\d,]+ WAL pages written back")
                .contains("Source 'default': analyze: query planner statistics refreshed");

        HostProcess.Result copy = run(dir, "--db", "bot.db", "--plugins", "plugins", "maintain", "--compact-to",
                "copy.db", "--json").exits(0);
        JsonNode row = copy.json().get(0);
        assertThat(row.path("steps").get(0).asText()).startsWith("compacted copy: " + dir.resolve("copy.db"));
        assertThat(row.path("steps")).hasSize(1);
        assertThat(messages(dir, "copy.db")).as("the copy holds every message").isEqualTo(messages);
        assertThat(Files.size(dir.resolve("copy.db"))).isLessThanOrEqualTo(Files.size(dir.resolve("bot.db")));

        HostProcess.Result again = run(dir, "--db", "bot.db", "--plugins", "plugins", "maintain", "--compact-to",
                "copy.db").exits(1);
        assertThat(again.err()).contains("maintaining source 'default' failed", "copy.db exists already");
    }

    @Test
    void readonlySourcesAreSkippedButMayBeCopied() throws Exception {
        HostProcess.installPlugins(dir);
        run(dir, "--db", "archive.db", "--plugins", "plugins", "migrate").exits(0);
        write(dir.resolve("bot.toml"), """
                [plugins]
                dir = "plugins"

                [database]
                default = "primary"

                [database.sources.primary]
                path = "primary.db"

                [database.sources.archive]
                path = "archive.db"
                readonly = true
                """);
        String before = HostProcess.sha256(dir.resolve("archive.db"));
        assertThat(run(dir, "--config", "bot.toml", "maintain").exits(0).out())
                .contains("Source 'archive': skipped: readonly");
        run(dir, "--config", "bot.toml", "maintain", "--source", "archive", "--compact-to", "archive-copy.db")
                .exits(0);
        assertThat(dir.resolve("archive-copy.db")).isRegularFile();
        assertThat(HostProcess.sha256(dir.resolve("archive.db"))).as("readonly file untouched").isEqualTo(before);
        assertThat(run(dir, "--config", "bot.toml", "maintain", "--compact-to", "x.db").exits(2).err())
                .contains("--compact-to copies one source");
    }

    private static long messages(Path dir, String file) {
        return run(dir, "--db", file, "--plugins", "plugins", "sources", "--count", "--json").exits(0).json().get(0)
                .path("messages").asLong();
    }
}
