package dev.chatstore.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line in process: parsing, exit codes and error lines (no plugin is loaded here). */
class MainTest {
    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("ingest", "serve", "sources", "route", "chats", "messages",
                "check-config", "migrate", "Exit codes: 0 success, 1");
    }

    @Test
    void theCommandIsFoundPastTheGlobalOptionsAndTheirValues() {
        assertThat(Main.commandName(new String[] {"--config", "sources", "-v", "chats", "--json"})).isEqualTo("chats");
        assertThat(Main.commandName(new String[] {"--db=x.db", "--plugins", "p", "messages", "--chat", "1"}))
                .isEqualTo("messages");
        assertThat(Main.commandName(new String[] {"--help"})).isNull();
        assertThat(Main.commandName(new String[] {"--config"})).isNull();
    }

    @Test
    void aRunBuildsOnlyItsOwnCommandAndTheHelpEveryCommand() {
        assertThat(Main.commandLine(new PrintWriter(out), new PrintWriter(err), "sources").getSubcommands())
                .containsOnlyKeys("sources");
        assertThat(Main.commandLine(new PrintWriter(out), new PrintWriter(err), "nonsense").getSubcommands())
                .hasSize(HostCommand.COMMANDS.size());
        assertThat(Main.commandLine(new PrintWriter(out), new PrintWriter(err)).getSubcommands().keySet())
                .containsExactly("ingest", "serve", "sources", "route", "chats", "messages", "check-config",
                        "migrate", "move-chat", "move-chats", "maintain");
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingTheKnownOnes() {
        assertThat(run("--db", "x.db", "nonsense")).isEqualTo(2);
        assertThat(err.toString()).contains("nonsense");
    }

    @Test
    void versionPrintsTheVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("bot-host ");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Error: Missing command").contains("--help");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void bothConfigAndDbIsAUsageErrorWhereverTheyAreGiven() {
        assertThat(run("--config", "a.toml", "sources", "--db", "b.db")).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot provide both dbPath and config - choose one mode");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        assertThat(run("route")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--chat=ID'").contains("bot-host route --help");
    }

    @Test
    void aSecretOutsideTelegramsRulesIsAUsageErrorBeforeAnythingStarts() {
        for (String secret : new String[] {"", "trailing-space ", "has!bang", "x".repeat(257)}) {
            StringWriter errors = new StringWriter();
            int exit = Main.run(new String[] {"--db", work.resolve("x.db").toString(), "serve", "--port", "0",
                    "--secret", secret}, new PrintWriter(new StringWriter(), true), new PrintWriter(errors, true));

            assertThat(exit).as("'%s'", secret).isEqualTo(2);
            assertThat(errors.toString()).as("'%s'", secret)
                    .contains("--secret must be 1 to 256 of A-Z, a-z, 0-9, _ and -");
        }
        assertThat(work.resolve("x.db")).doesNotExist();
    }

    @Test
    void aBadLimitIsAUsageError() {
        assertThat(run("messages", "--chat", "1", "--limit", "0", "--db", work.resolve("x.db").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--limit must be at least 1");
        assertThat(Files.exists(work.resolve("x.db"))).isFalse();
    }

    @Test
    void aMissingInputFileIsAUsageError() {
        assertThat(run("ingest", work.resolve("none.jsonl").toString(), "--db", work.resolve("x.db").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Input file " + work.resolve("none.jsonl") + " not found");
    }

    @Test
    void anInvalidConfigListsEveryProblemAndExits2() throws IOException {
        Path config = Files.writeString(work.resolve("bad.toml"), """
                [plugins]
                dirr = "x"
                [database]
                default = "nope"
                [database.sources.a]
                readonly = "yes"
                [database.chatMapping]
                abc = "a"
                """);

        assertThat(run("--config", config.toString(), "check-config")).isEqualTo(2);
        assertThat(err.toString().lines())
                .first().asString().startsWith("Error: Invalid configuration (");
        // Without the SQLite plugin the host cannot know that 'path' is required; it says why, with the rest.
        assertThat(err.toString()).contains("Default source 'nope' not found", "No storage plugin provides type 'sqlite' (source a)",
                "readonly", "chatMapping key 'abc' is not a chat id", "unknown key 'dirr' in [plugins]");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void aValueNestedAThousandLevelsDeepIsOneErrorLineAndExit2() throws IOException {
        Path config = Files.writeString(work.resolve("deep.toml"), "[database.sources.a]\npath = \"a.db\"\nx = "
                + "[".repeat(1000) + "]".repeat(1000) + "\n");

        assertThat(run("--config", config.toString(), "check-config")).isEqualTo(2);
        assertThat(err.toString().lines().filter(line -> line.startsWith("Error: "))).hasSize(1);
        assertThat(err.toString()).contains(config.toString(), "line 3", "nested more than 100 levels")
                .doesNotContain("StackOverflowError").doesNotContain("\tat ");
    }

    @Test
    void aTypeNoPluginProvidesExits2NamingThePluginsFolder() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("empty-plugins"));

        assertThat(run("--db", work.resolve("x.db").toString(), "--plugins", plugins.toString(), "sources")).isEqualTo(2);
        assertThat(err.toString()).contains("No storage plugin provides type 'sqlite' (source default)",
                "Known types: none", plugins.toString());
        assertThat(err.toString().lines()).hasSize(1);
    }
}
