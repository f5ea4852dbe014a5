package dev.chatstore.host;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link QuickCommandLine} takes only the lines picocli parses the same way, and leaves every other to picocli. */
class QuickCommandLineTest {
    private static final List<String> QUICK_COMMANDS = List.of("sources", "chats", "messages", "ingest");

    @ParameterizedTest
    @ValueSource(strings = {
        "sources",
        "--config a.toml sources",
        "sources --config a.toml",
        "-v sources --count --json",
        "--db x.db sources --verbose",
        "--plugins p --config c.toml sources --count",
        "chats",
        "chats --user 500000229 --source primary --json",
        "chats --user -5",
        "--config sources chats",
        "messages --chat -1001000000000",
        "messages --chat 5 --limit 3 --source archive --json -v",
        "messages --limit 7 --chat 0",
        "messages --chat 9223372036854775807 --limit 2147483647",
        "--verbose messages --chat 1 --config c.toml",
        "messages --chat -1 --source -2",
        "ingest",
        "ingest updates.jsonl",
        "ingest -",
        "--config c.toml ingest - --json",
        "ingest --json x.jsonl -v",
        "ingest ingest",
    })
    void aUsualLineIsParsedAsPicocliParsesIt(String line) {
        String[] args = line.split(" ");

        Optional<HostSubcommand> quick = QuickCommandLine.parse(args);

        assertThat(quick).as("quick parse of '%s'", line).isPresent();
        assertThat(values(quick.get())).isEqualTo(values(picocli(args)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "--help", "-h sources", "sources -h", "sources --help", "--version", "messages --chat 1 -V",
        "messages", "messages --limit 5", "messages --chat 1 --limit 0", "messages --chat 1 --limit -3",
        "messages --chat x", "messages --chat=5", "messages --chat 1 --chat 2", "messages --chat 010",
        "messages --chat +5", "messages --chat 1 --limit 99999999999", "messages --chat 99999999999999999999",
        "messages --chat", "sources --count --count", "-v -v sources", "sources extra", "--count sources",
        "--json chats", "chats --user", "chats --source --json", "chats --user 1.5", "sources -vx",
        "--config=a.toml sources", "--config --db sources", "sources --config", "ingest a.jsonl b.jsonl",
        "ingest - -", "ingest --jsn", "x.jsonl ingest", "serve", "route --chat 5",
        "migrate", "nonsense", "sources -- --count", "--config sources sources", "chats --source chats",
    })
    void anyOtherLineIsLeftToPicocli(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");

        assertThat(QuickCommandLine.parse(args)).as("quick parse of '%s'", line).isEmpty();
    }

    /** Adding an option to one of these commands without teaching the quick parse would send every line to picocli. */
    @Test
    void everyOptionOfTheQuickCommandsIsKnownToTheQuickParse() {
        for (String name : QUICK_COMMANDS) {
            CommandLine command = Main.commandLine(new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()), name).getSubcommands().get(name);
            List<String> required = command.getCommandSpec().options().stream()
                    .filter(OptionSpec::required).flatMap(option -> sample(option).stream()).toList();
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp() || option.required()) {
                    continue;
                }
                for (String alias : option.names()) {
                    List<String> line = new ArrayList<>(List.of(name));
                    line.addAll(required);
                    line.add(alias);
                    line.addAll(option.arity().max() > 0 ? sample(option).subList(1, 2) : List.of());
                    assertThat(QuickCommandLine.parse(line.toArray(String[]::new)))
                            .as("quick parse of %s", line).isPresent();
                }
            }
        }
    }

    private static List<String> sample(OptionSpec option) {
        Class<?> type = option.type();
        String value = type == Path.class ? "p.toml"
                : type == String.class ? "s"
                : type == boolean.class || type == Boolean.class ? null
                : "7";
        return value == null ? List.of(option.longestName()) : List.of(option.longestName(), value);
    }

    private static HostSubcommand picocli(String[] args) {
        CommandLine commandLine = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Main.commandName(args));
        CommandLine.ParseResult result = commandLine.parseArgs(args);
        return (HostSubcommand) result.subcommand().commandSpec().userObject();
    }

    /** Every option field of the command, its mixin and its parent command, by name. */
    private static Map<String, Object> values(HostSubcommand command) {
        Map<String, Object> values = new TreeMap<>();
        fields(command, "", values);
        fields(command.host, "host.", values);
        return values;
    }

    private static void fields(Object target, String prefix, Map<String, Object> values) {
        for (Field field : target.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType() == CommandLine.Model.CommandSpec.class
                    || field.getType() == HostCommand.class || field.getName().endsWith("Given")) {
                continue;
            }
            field.setAccessible(true);
            try {
                Object value = field.get(target);
                if (value instanceof JsonOption json) {
                    fields(json, prefix + field.getName() + ".", values);
                } else {
                    values.put(prefix + field.getName(), value);
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void theQuickParseRunsTheCommandWithTheGivenStreams() {
        StringWriter err = new StringWriter();
        HostSubcommand command = QuickCommandLine.parse(new String[] {"--db", "/nonexistent/dir/x.db", "--plugins",
                "/nonexistent/plugins", "sources"}).orElseThrow();

        int exitCode = QuickCommandLine.execute(command, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));

        assertThat(exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).startsWith("Error: ").contains("/nonexistent/plugins");
        assertThat(Arrays.asList(err.toString().split("\n"))).noneMatch(line -> line.startsWith("\tat "));
    }
}
