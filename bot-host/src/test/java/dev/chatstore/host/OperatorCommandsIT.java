package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.chatstore.host.HostProcess.run;
import static dev.chatstore.host.HostProcess.write;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code route}, {@code migrate} and {@code sources} on one three-source config (one source readonly). */
class OperatorCommandsIT {
    static final long ARCHIVED_CHAT = -1001234567890L;
    static final long TEST_CHAT = 123456789L;

    @TempDir
    static Path dir;

    @BeforeAll
    static void createSources() {
        HostProcess.installPlugins(dir);
        // A readonly source must exist: create it with the single-file form, which migrates it to the newest schema.
        run(dir, "--db", "data/archive.db", "--plugins", "plugins", "migrate").exits(0);
        write(dir.resolve("bot.toml"), """
                [plugins]
                dir = "plugins"

                [database]
                default = "primary"

                [database.sources.primary]
                path = "data/primary.db"

                [database.sources.archive]
                path = "data/archive.db"
                readonly = true
                pool-size = 2

                [database.sources.testing]
                path = "data/testing.db"
                pool-size = 1
                timeout = 2.5

                [database.chatMapping]
                %d = "archive"
                %d = "testing"
                """.formatted(ARCHIVED_CHAT, TEST_CHAT));
    }

    @Test
    void aMappedChatRoutesToItsSource() {
        HostProcess.Result result = run(dir, "--config", "bot.toml", "route", "--chat", Long.toString(ARCHIVED_CHAT))
                .exits(0);

        assertThat(result.out()).isEqualTo("chat " + ARCHIVED_CHAT + " -> source 'archive' (chatMapping), readonly\n");
    }

    @Test
    void anUnmappedChatRoutesToTheDefaultSource() {
        JsonNode route = run(dir, "--config", "bot.toml", "route", "--chat", "-1009999", "--json").exits(0).json();

        assertThat(route.path("source").asText()).isEqualTo("primary");
        assertThat(route.path("reason").asText()).isEqualTo("default");
        assertThat(route.path("readonly").asBoolean()).isFalse();
    }

    @Test
    void anExplicitSourceWinsOverTheMapping() {
        JsonNode route = run(dir, "--config", "bot.toml", "route", "--chat", Long.toString(ARCHIVED_CHAT), "--source",
                "testing", "--json").exits(0).json();

        assertThat(route.path("source").asText()).isEqualTo("testing");
        assertThat(route.path("reason").asText()).isEqualTo("explicit");
    }

    @Test
    void aWriteToAReadonlyRoutePrintsTheRefusal() {
        HostProcess.Result result = run(dir, "--config", "bot.toml", "route", "--chat", Long.toString(ARCHIVED_CHAT),
                "--write").exits(0);

        assertThat(result.out()).contains("write: refused: " + IngestIT.GUIDE_REFUSAL);
    }

    @Test
    void aWriteToAWritableRouteIsAllowed() {
        JsonNode route = run(dir, "--config", "bot.toml", "route", "--chat", Long.toString(TEST_CHAT), "--write",
                "--json").exits(0).json();

        assertThat(route.path("source").asText()).isEqualTo("testing");
        assertThat(route.path("reason").asText()).isEqualTo("mapping");
        assertThat(route.path("writeAllowed").asBoolean()).isTrue();
        assertThat(route.has("refusal")).isFalse();
    }

    @Test
    void anUnknownExplicitSourceIsAUsageError() {
        HostProcess.Result result = run(dir, "--config", "bot.toml", "route", "--chat", "1", "--source", "archiv")
                .exits(2);

        assertThat(result.err()).contains("Source 'archiv' not found in configuration").contains("archive");
        assertThat(result.err().lines().filter(line -> line.startsWith("Error:"))).hasSize(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void migrateReportsEachSourcesVersionsAndNeverChangesTheReadonlyOne() {
        String before = HostProcess.sha256(dir.resolve("data/archive.db"));

        JsonNode rows = run(dir, "--config", "bot.toml", "migrate", "--json").exits(0).json();

        List<String> names = new ArrayList<>();
        rows.forEach(row -> {
            names.add(row.path("source").asText());
            assertThat(row.path("versionBefore").asText()).isNotBlank();
            assertThat(row.path("versionAfter").asText()).isNotBlank();
        });
        assertThat(names).containsExactly("primary", "archive", "testing");
        JsonNode archive = rows.get(1);
        assertThat(archive.path("readonly").asBoolean()).isTrue();
        assertThat(archive.path("result").asText()).isEqualTo("checked");
        assertThat(archive.path("changed").asBoolean()).isFalse();
        assertThat(archive.path("versionAfter").asText()).isEqualTo(rows.get(0).path("versionAfter").asText());
        assertThat(rows.get(0).path("result").asText()).isIn("migrated", "up-to-date");
        assertThat(HostProcess.sha256(dir.resolve("data/archive.db"))).isEqualTo(before);
    }

    @Test
    void sourcesListsEverySourceWithItsState() {
        JsonNode rows = run(dir, "--config", "bot.toml", "sources", "--json").exits(0).json();

        assertThat(rows).hasSize(3);
        JsonNode archive = rows.get(1);
        assertThat(archive.path("name").asText()).isEqualTo("archive");
        assertThat(archive.path("type").asText()).isEqualTo("sqlite");
        assertThat(archive.path("readonly").asBoolean()).isTrue();
        assertThat(archive.path("poolSize").asInt()).isEqualTo(2);
        assertThat(archive.path("path").asText()).isEqualTo(dir.resolve("data/archive.db").toString());
        assertThat(archive.path("healthy").asBoolean()).isTrue();
        assertThat(archive.path("schemaVersion").asText()).isNotBlank();
        assertThat(archive.path("backendVersion").asText()).matches("3\\.\\d+\\.\\d+.*");
        assertThat(rows.get(2).path("poolSize").asInt()).isEqualTo(1);
        assertThat(rows.get(0).path("messages").isNull()).as("not counted without --count").isTrue();
        assertThat(rows.get(0).path("chats").isNull()).isTrue();

        JsonNode counted = run(dir, "--config", "bot.toml", "sources", "--count", "--json").exits(0).json();
        assertThat(counted.get(0).path("messages").isInt()).isTrue();
        assertThat(counted.get(0).path("messages").asInt()).isZero();
        assertThat(run(dir, "--config", "bot.toml", "sources").exits(0).out())
                .contains("CHATS and MESSAGES are counted only with --count.");
    }

    /** "--name value" lines take {@link QuickCommandLine}, "--name=value" lines picocli: both must print the same. */
    @Test
    void aReadCommandPrintsTheSameWhicheverParserReadsItsLine() {
        write(dir.resolve("updates.jsonl"), """
                {"update_id": 1, "message": {"message_id": 1, "date": 1735689600, "chat": {"id": %1$d, "type": "private", "first_name": "Ann"}, "from": {"id": %1$d, "is_bot": false, "first_name": "Ann"}, "text": "one"}}
                {"update_id": 2, "message": {"message_id": 2, "date": 1735689601, "chat": {"id": %1$d, "type": "private", "first_name": "Ann"}, "from": {"id": %1$d, "is_bot": false, "first_name": "Ann"}, "text": "two"}}
                """.formatted(TEST_CHAT));
        run(dir, "--config", "bot.toml", "ingest", "updates.jsonl").exits(0);
        String chat = Long.toString(TEST_CHAT);

        String quick = run(dir, "--config", "bot.toml", "messages", "--chat", chat, "--limit", "5").exits(0).out();
        String picocli = run(dir, "--config=bot.toml", "messages", "--chat=" + chat, "--limit=5").exits(0).out();
        assertThat(quick).isEqualTo(picocli).contains("one", "two", "2 messages of chat " + chat + " from source 'testing'");

        String quickChats = run(dir, "--config", "bot.toml", "chats", "--user", chat, "--json").exits(0).out();
        String picocliChats = run(dir, "--config", "bot.toml", "chats", "--user=" + chat, "--json").exits(0).out();
        assertThat(quickChats).isEqualTo(picocliChats).contains("\"source\" : \"testing\"");

        assertThat(run(dir, "--config", "bot.toml", "sources").exits(0).out())
                .isEqualTo(run(dir, "--config=bot.toml", "sources").exits(0).out());
    }

    /**
     * A real process logs through {@link HostLogProvider} (named in {@code slf4j.provider} by {@link Main}): stderr
     * carries the host's own log lines only, with no note from SLF4J about how it found its provider, and {@code -v}
     * still raises the levels (PF4J's INFO lines appear).
     */
    @Test
    void stderrHoldsTheHostsLogLinesOnly() {
        String logLine = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO |WARN |ERROR|DEBUG|TRACE) \\S+ - .*";
        String quiet = run(dir, "--config", "bot.toml", "sources").exits(0).err();
        assertThat(quiet.lines().toList()).isNotEmpty().allMatch(line -> line.matches(logLine))
                .anyMatch(line -> line.contains(" INFO  HostRuntime - Source primary: type sqlite"))
                .noneMatch(line -> line.contains("DefaultPluginManager"));
        String verbose = run(dir, "--config", "bot.toml", "-v", "sources").exits(0).err();
        assertThat(verbose.lines().toList()).allMatch(line -> line.matches(logLine))
                .anyMatch(line -> line.contains(" INFO  DefaultPluginManager - "));
    }
}
