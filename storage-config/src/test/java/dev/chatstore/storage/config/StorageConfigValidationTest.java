package dev.chatstore.storage.config;

import dev.chatstore.storage.spi.*;
import java.util.Map;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.chatstore.storage.config.StorageConfigTest.parse;
import static dev.chatstore.storage.config.StorageConfigTest.tomlProblems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule of spec/config.md's validation table, each with its message (TOML form). */
class StorageConfigValidationTest {
    private static String primaryWith(String line) {
        return "[database]\ndefault = \"primary\"\n[database.sources.primary]\npath = \"p.db\"\n" + line + "\n";
    }

    private static String archiveConfig(String mappingLines) {
        return """
                [database]
                default = "primary"
                [database.sources.primary]
                path = "p.db"
                [database.sources.archive]
                path = "a.db"
                readonly = true
                [database.chatMapping]
                """ + mappingLines;
    }

    @Test
    void noSources() {
        String expected = "Multi-source config must contain at least one source";
        assertThat(tomlProblems("[database]\ndefault = \"primary\"\n")).singleElement().asString().startsWith(expected);
        assertThat(tomlProblems("[database.sources]\n")).singleElement().asString().startsWith(expected);
        assertThat(tomlProblems("[plugins]\ndir = \"x\"\n")).singleElement().asString()
                .startsWith(expected).contains("no [database] table");
    }

    @Test
    void defaultNotAmongSources() {
        assertThat(tomlProblems("[database]\ndefault = \"missing\"\n[database.sources.primary]\npath = \"p.db\"\n"))
                .singleElement().asString()
                .startsWith("Default source 'missing' not found in sources configuration")
                .contains("Available sources: primary");
    }

    @Test
    void implicitDefaultMustExistToo() {
        assertThat(tomlProblems("[database.sources.primary]\npath = \"p.db\"\n"))
                .singleElement().asString().startsWith("Default source 'default' not found in sources configuration");
    }

    @Test
    void sourceWithoutPath() {
        assertThat(tomlProblems("[database]\ndefault = \"primary\"\n[database.sources.primary]\nreadonly = true\n"))
                .containsExactly("Source 'primary' missing required 'path' field");
    }

    @Test
    void chatMappedToUnknownSourceWithHint() {
        assertThat(tomlProblems(archiveConfig("-1001234567890 = \"archiv\"\n"))).containsExactly(
                "Chat -1001234567890 is mapped to unknown source 'archiv' (did you mean 'archive'?). "
                        + "Known sources: primary, archive");
    }

    @Test
    void chatMappedToUnknownSourceWithoutCloseName() {
        assertThat(tomlProblems(archiveConfig("5 = \"staging\"\n")))
                .containsExactly("Chat 5 is mapped to unknown source 'staging'. Known sources: primary, archive");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"abc", "12x", "99999999999999999999", "1.5"})
    void chatMappingKeyNotAChatId(String key) {
        assertThat(tomlProblems(archiveConfig("\"" + key + "\" = \"archive\"\n"))).containsExactly(
                "chatMapping key '" + key + "' is not a chat id (chat ids are integers, for example -1001234567890)");
    }

    @Test
    void chatMappingValueNotAString() {
        assertThat(tomlProblems(archiveConfig("7 = 3\n")))
                .containsExactly("chatMapping: chat 7 must map to a source name (a string), got 3");
    }

    @Test
    void sameChatSpelledTwice() {
        assertThat(tomlProblems(archiveConfig("\"007\" = \"archive\"\n7 = \"primary\"\n")))
                .containsExactly("chatMapping: chat 7 is mapped twice (keys \"007\" and \"7\"); keep one");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "readonly = \"yes\"      | Source 'primary': 'readonly' must be true or false, got \"yes\"",
            "readonly = 1            | Source 'primary': 'readonly' must be true or false, got 1",
            "pool-size = 0           | Source 'primary': 'pool-size' must be an integer from 1 to 64, got 0",
            "pool-size = 65          | Source 'primary': 'pool-size' must be an integer from 1 to 64, got 65",
            "pool-size = -3          | Source 'primary': 'pool-size' must be an integer from 1 to 64, got -3",
            "pool-size = 4.0         | Source 'primary': 'pool-size' must be an integer from 1 to 64, got 4.0",
            "pool-size = \"5\"       | Source 'primary': 'pool-size' must be an integer from 1 to 64, got \"5\"",
            "pool-size = 99999999999999 | Source 'primary': 'pool-size' must be an integer from 1 to 64, got 99999999999999",
            "timeout = -1            | Source 'primary': 'timeout' must be a number of seconds from 0.001 to 86400, got -1",
            "timeout = 0             | Source 'primary': 'timeout' must be a number of seconds from 0.001 to 86400, got 0",
            "timeout = 0.0001        | Source 'primary': 'timeout' must be a number of seconds from 0.001 to 86400, got 1.0E-4",
            "timeout = 86401         | Source 'primary': 'timeout' must be a number of seconds from 0.001 to 86400, got 86401",
            "timeout = 1e300         | Source 'primary': 'timeout' must be a number of seconds from 0.001 to 86400, got 1.0E300",
            "timeout = nan           | Source 'primary': 'timeout' must be a number of seconds from 0.001 to 86400, got NaN",
            "timeout = inf           | Source 'primary': 'timeout' must be a number of seconds from 0.001 to 86400, got Infinity",
            "timeout = 99999999999999999 | Source 'primary': 'timeout' must be a number of seconds from 0.001 to 86400, got 99999999999999999",
            "timeout = \"30s\"       | Source 'primary': 'timeout' must be a number of seconds from 0.001 to 86400, got \"30s\"",
            "type = 5                | Source 'primary': 'type' must be the name of a storage provider, such as \"sqlite\", got 5",
            "type = \"\"             | Source 'primary': 'type' must be the name of a storage provider, such as \"sqlite\", got \"\"",
            "path = 5                | Source 'primary': 'path' must be a file path or \":memory:\", got 5",
            "pool_size = 3           | Source 'primary': unknown key 'pool_size' (did you mean 'pool-size'?)",
            "read-only = true        | Source 'primary': unknown key 'read-only' (did you mean 'readonly'?)",
            "timout = 3              | Source 'primary': unknown key 'timout' (did you mean 'timeout'?)",
            "poolSize = 3            | Source 'primary': unknown key 'poolSize' (did you mean 'pool-size'?)",
            "colour = \"red\"        | Source 'primary': unknown key 'colour' (known keys: path, readonly, pool-size, timeout, type)",
    })
    void wrongValueOrUnknownKeyInASource(String line, String expected) {
        // "path = 5" replaces the valid path: TOML reports the duplicate, so give that case its own table.
        String toml = line.startsWith("path")
                ? "[database]\ndefault = \"primary\"\n[database.sources.primary]\n" + line + "\n"
                : primaryWith(line);
        assertThat(tomlProblems(toml)).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "default = 3                 | [database]: 'default' must be a source name (a string), got 3",
            "on-source-failure = \"maybe\" | [database]: 'on-source-failure' must be \"skip\" or \"fail\", got \"maybe\"",
            "on-source-failure = \"SKIP\"  | [database]: 'on-source-failure' must be \"skip\" or \"fail\", got \"SKIP\"",
            "chat_mapping = {}           | [database]: unknown key 'chat_mapping' (did you mean 'chatMapping'?)",
            "on_source_failure = \"skip\" | [database]: unknown key 'on_source_failure' (did you mean 'on-source-failure'?)",
            "chatMapping = 5             | [database]: 'chatMapping' must be a table of chat id = source name ([database.chatMapping]), got 5",
    })
    void wrongValueOrUnknownKeyInDatabase(String line, String expected) {
        String toml = "[database]\n" + line + "\n[database.sources.default]\npath = \"d.db\"\n";
        assertThat(tomlProblems(toml)).containsExactly(expected);
    }

    @Test
    void sourcesMustBeATableOfTables() {
        assertThat(tomlProblems("[database]\nsources = \"bot.db\"\n")).containsExactly(
                "[database]: 'sources' must be a table of sources ([database.sources.NAME]), got \"bot.db\"",
                "Multi-source config must contain at least one source; add [database.sources.NAME] with a path");
        assertThat(tomlProblems("[database.sources]\ndefault = \"bot.db\"\n"))
                .containsExactly("Source 'default' must be a table ([database.sources.default]), got \"bot.db\"");
    }

    @Test
    void sourceNamesAreLettersDigitsUnderscoreAndDash() {
        assertThat(parse("[database.sources.default]\npath = \"a\"\n[database.sources.Arch_2024-b]\npath = \"b\"\n")
                .sourceNames()).containsExactly("default", "Arch_2024-b");
        assertThat(tomlProblems("[database.sources.default]\npath = \"a\"\n[database.sources.\"my archive\"]\npath = \"b\"\n"))
                .containsExactly("Source name 'my archive' is invalid: use only letters, digits, '_' and '-'");
    }

    @Test
    void validNumbersAreAccepted() {
        SourceConfig source = parse(primaryWith("pool-size = 64\ntimeout = 0.25")).source("primary");

        assertThat(source.poolSize()).isEqualTo(64);
        assertThat(source.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(parse(primaryWith("timeout = 86400")).source("primary").timeout()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        List<String> problems = tomlProblems("""
                [database]
                default = "main"
                on-source-failure = "maybe"

                [database.sources.primary]
                pool_size = 3
                readonly = "yes"

                [database.sources.archive]
                path = "a.db"
                timeout = -1

                [database.chatMapping]
                abc = "archive"
                -100 = "archiv"
                """);

        assertThat(problems).containsExactly(
                "[database]: 'on-source-failure' must be \"skip\" or \"fail\", got \"maybe\"",
                "Source 'primary': unknown key 'pool_size' (did you mean 'pool-size'?)",
                "Source 'primary': 'readonly' must be true or false, got \"yes\"",
                "Source 'primary' missing required 'path' field",
                "Source 'archive': 'timeout' must be a number of seconds from 0.001 to 86400, got -1",
                "chatMapping key 'abc' is not a chat id (chat ids are integers, for example -1001234567890)",
                "Default source 'main' not found in sources configuration. Available sources: primary, archive. "
                        + "Set [database] default to one of them",
                "Chat -100 is mapped to unknown source 'archiv' (did you mean 'archive'?). Known sources: primary, archive");
    }

    @Test
    void exceptionMessageListsEveryProblem() {
        assertThatThrownBy(() -> parse("[database.sources.primary]\nreadonly = 1\n"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageStartingWith("Invalid storage configuration (3 problems):")
                .hasMessageContaining("'readonly' must be true or false")
                .hasMessageContaining("missing required 'path' field")
                .hasMessageContaining("Default source 'default'");
    }
}
