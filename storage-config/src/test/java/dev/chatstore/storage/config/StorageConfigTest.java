package dev.chatstore.storage.config;

import dev.chatstore.storage.spi.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class StorageConfigTest {
    private static final Path BASE = Path.of("/srv/bot");

    static StorageConfig parse(String toml) {
        return StorageConfigReader.fromToml(toml, BASE, TestKeys.ALL);
    }

    /** The problems of the StorageConfigException the call throws; any other outcome fails the test. */
    static List<String> problems(Runnable call) {
        try {
            call.run();
        }
        catch (StorageConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected a StorageConfigException");
    }

    static List<String> tomlProblems(String toml) {
        return problems(() -> parse(toml));
    }

    @Test
    void defaults() {
        StorageConfig config = parse("""
                [database.sources.default]
                path = "bot.db"
                """);

        assertThat(config.defaultSource()).isEqualTo("default");
        assertThat(config.onSourceFailure()).isEqualTo(OnSourceFailure.SKIP);
        assertThat(config.chatMapping()).isEmpty();
        assertThat(config.sources()).containsExactly(
                new SourceConfig("default", "sqlite", false, 5, Duration.ofSeconds(30), Map.of("path", "/srv/bot/bot.db")));
    }

    @Test
    void fullMapping() {
        StorageConfig config = parse("""
                [database]
                default = "primary"
                on-source-failure = "fail"

                [database.sources.primary]
                path = "data/primary.db"
                readonly = false
                pool-size = 8
                timeout = 12.5
                type = "sqlite"

                [database.sources.archive]
                path = "/var/lib/archive.db"
                readonly = true
                pool-size = 2
                timeout = 3
                type = "postgres"

                [database.chatMapping]
                -1001234567890 = "archive"
                "42" = "primary"
                """);

        assertThat(config.defaultSource()).isEqualTo("primary");
        assertThat(config.onSourceFailure()).isEqualTo(OnSourceFailure.FAIL);
        assertThat(config.sources()).containsExactly(
                new SourceConfig("primary", "sqlite", false, 8, Duration.ofMillis(12_500), Map.of("path", "/srv/bot/data/primary.db")),
                new SourceConfig("archive", "postgres", true, 2, Duration.ofSeconds(3), Map.of("path", "/var/lib/archive.db")));
        assertThat(config.chatMapping()).containsExactly(entry(-1001234567890L, "archive"), entry(42L, "primary"));
    }

    @Test
    void hostTablesAreIgnored() {
        StorageConfig config = parse("""
                [plugins]
                dir = "../plugins"
                [telegram]
                token = "x"
                [host]
                anything = { nested = [1, 2] }
                [database.sources.default]
                path = ":memory:"
                """);

        assertThat(config.sourceNames()).containsExactly("default");
        assertThat(config.defaultSourceConfig().requireString("path")).isEqualTo(":memory:");
    }

    @Test
    void chatMappingKeysAreReadAsLongs() {
        StorageConfig config = parse("""
                [database.sources.default]
                path = "a.db"
                [database.sources.archive]
                path = "b.db"
                [database.chatMapping]
                -1001234567890 = "archive"
                "-1009876543210" = "archive"
                "+7" = "default"
                """);

        assertThat(config.chatMapping()).containsOnlyKeys(-1001234567890L, -1009876543210L, 7L);
        assertThat(config.sourceNameForChat(-1001234567890L)).isEqualTo("archive");
        assertThat(config.sourceNameForChat(-1009876543210L)).isEqualTo("archive");
        assertThat(config.sourceNameForChat(555L)).isEqualTo("default");
    }

    @Test
    void relativePathsResolveAgainstBaseDirAndMemoryIsKept() {
        StorageConfig config = parse("""
                [database.sources.default]
                path = "data/../data/./a.db"
                [database.sources.up]
                path = "../shared/b.db"
                [database.sources.absolute]
                path = "/opt/c.db"
                [database.sources.memory]
                path = ":memory:"
                """);

        assertThat(config.sources()).extracting(SourceConfig::location)
                .containsExactly("/srv/bot/data/a.db", "/srv/shared/b.db", "/opt/c.db", ":memory:");
    }

    @Test
    void fromTomlFileResolvesAgainstTheFilesFolder(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("conf")).resolve("bot.toml");
        Files.writeString(file, "[database.sources.default]\npath = \"../data/bot.db\"\n");

        StorageConfig config = StorageConfigReader.fromToml(file, TestKeys.ALL);

        assertThat(config.defaultSourceConfig().requireString("path")).isEqualTo(dir.resolve("data/bot.db").toAbsolutePath().toString());
    }

    @Test
    void missingFileNamesTheFile(@TempDir Path dir) {
        Path file = dir.resolve("nope.toml");

        assertThat(problems(() -> StorageConfigReader.fromToml(file, TestKeys.ALL)))
                .singleElement().asString().contains(file.toAbsolutePath().toString(), "not found");
    }

    @Test
    void syntaxErrorsNameTheFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.toml");
        Files.writeString(file, "[database]\ndefault = \"primary\"\npool-size = = 3\n");

        assertThat(problems(() -> StorageConfigReader.fromToml(file, TestKeys.ALL)))
                .singleElement().asString().startsWith(file + ": TOML syntax error at line 3, column");
    }

    @Test
    void duplicateTomlKeyIsASyntaxError() {
        assertThat(tomlProblems("[database.sources.a]\npath = \"x\"\npath = \"y\"\n"))
                .singleElement().asString().contains("line 3, column 1").contains("previously defined");
    }

    @Test
    void problemsOfAFileArePrefixedWithItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bot.toml");
        Files.writeString(file, "[database.sources.primary]\npool-size = 3\n");

        assertThat(problems(() -> StorageConfigReader.fromToml(file, TestKeys.ALL)))
                .containsExactly(file + ": Source 'primary' missing required 'path' field",
                        file + ": Default source 'default' not found in sources configuration. "
                                + "Available sources: primary. Set [database] default to one of them");
    }

    @Nested
    class SingleFileAndEitherOr {
        @Test
        void singleFileIsOneWritableSourceNamedDefault() {
            StorageConfig config = StorageConfig.singleFile("/tmp/bot.db", 3, Duration.ofSeconds(7));

            assertThat(config.defaultSource()).isEqualTo("default");
            assertThat(config.sources()).containsExactly(
                    new SourceConfig("default", "sqlite", false, 3, Duration.ofSeconds(7), Map.of("path", "/tmp/bot.db")));
            assertThat(config.chatMapping()).isEmpty();
        }

        @Test
        void singleFileResolvesRelativePathsAgainstTheWorkingDirectory() {
            StorageConfig config = StorageConfig.singleFile("bot.db", 1, Duration.ofSeconds(1));

            assertThat(config.defaultSourceConfig().requireString("path")).isEqualTo(Path.of("bot.db").toAbsolutePath().toString());
        }

        @Test
        void singleFileValidatesLikeTheConfig() {
            assertThat(problems(() -> StorageConfig.singleFile("", 0, Duration.ZERO))).containsExactly(
                    "Source 'default': 'path' must be a file path or \":memory:\", got \"\"",
                    "Source 'default': 'pool-size' must be an integer from 1 to 64, got 0",
                    "Source 'default': 'timeout' must be a number of seconds from 0.001 to 86400, got PT0S");
        }

        @Test
        void neitherDbPathNorConfig() {
            assertThat(problems(() -> StorageConfigReader.of(null, null, TestKeys.ALL)))
                    .containsExactly("Either dbPath or config must be provided");
        }

        @Test
        void bothDbPathAndConfig() {
            assertThat(problems(() -> StorageConfigReader.of("bot.db", Path.of("bot.toml"), TestKeys.ALL)))
                    .containsExactly("Cannot provide both dbPath and config - choose one mode");
        }

        @Test
        void dbPathAloneIsTheSingleFileForm() {
            StorageConfig config = StorageConfigReader.of("/tmp/x.db", null, TestKeys.ALL);

            assertThat(config).isEqualTo(StorageConfig.singleFile("/tmp/x.db", 5, Duration.ofSeconds(30)));
        }

        @Test
        void configAloneReadsTheFile(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("bot.toml");
            Files.writeString(file, "[database]\ndefault = \"main\"\n[database.sources.main]\npath = \"m.db\"\n");

            assertThat(StorageConfigReader.of(null, file, TestKeys.ALL).sourceNames()).containsExactly("main");
        }
    }

    @Nested
    class FromMap {
        @Test
        void guideDictShapeWithLongIntegerAndStringKeys() {
            Map<Object, Object> mapping = new LinkedHashMap<>();
            mapping.put(-1001234567890L, "archive");
            mapping.put(42, "archive");
            mapping.put("-7", "primary");
            StorageConfig config = StorageConfigReader.fromMap(Map.of(
                    "default", "primary",
                    "on-source-failure", "fail",
                    "sources", Map.of(
                            "primary", Map.of("path", "p.db", "pool-size", 2, "timeout", 1.5),
                            "archive", Map.of("path", "/a.db", "readonly", true, "timeout", Duration.ofSeconds(4))),
                    "chatMapping", mapping), BASE, TestKeys.ALL);

            assertThat(config.chatMapping()).containsExactly(
                    entry(-1001234567890L, "archive"), entry(42L, "archive"), entry(-7L, "primary"));
            assertThat(config.onSourceFailure()).isEqualTo(OnSourceFailure.FAIL);
            assertThat(config.source("primary")).isEqualTo(
                    new SourceConfig("primary", "sqlite", false, 2, Duration.ofMillis(1500), Map.of("path", "/srv/bot/p.db")));
            assertThat(config.source("archive")).isEqualTo(
                    new SourceConfig("archive", "sqlite", true, 5, Duration.ofSeconds(4), Map.of("path", "/a.db")));
        }

        @Test
        void sameMessagesAsToml() {
            List<String> fromMap = problems(() -> StorageConfigReader.fromMap(
                    Map.of("sources", Map.of("primary", Map.of("path", "p.db", "pool_size", 0L))), Path.of(""), TestKeys.ALL));
            List<String> fromToml = tomlProblems("[database.sources.primary]\npath = \"p.db\"\npool_size = 0\n");

            assertThat(fromMap).isEqualTo(fromToml).contains("Source 'primary': unknown key 'pool_size' (did you mean 'pool-size'?)");
        }

        @Test
        void sameChatIdUnderTwoKeys() {
            Map<Object, Object> mapping = new LinkedHashMap<>();
            mapping.put(5L, "default");
            mapping.put("5", "default");

            assertThat(problems(() -> StorageConfigReader.fromMap(Map.of(
                    "sources", Map.of("default", Map.of("path", "a.db")), "chatMapping", mapping), Path.of(""), TestKeys.ALL)))
                    .containsExactly("chatMapping: chat 5 is mapped twice (keys 5 and \"5\"); keep one");
        }

        @Test
        void nullsAndWrongTypesAreProblemsNotExceptions() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("default", null);
            map.put("sources", Map.of("primary", Map.of("path", "p.db", "readonly", "yes")));
            map.put("chatMapping", Map.of(1.5, "primary"));

            assertThat(problems(() -> StorageConfigReader.fromMap(map, Path.of(""), TestKeys.ALL))).containsExactly(
                    "[database]: 'default' must be a source name (a string), got nothing (null)",
                    "Source 'primary': 'readonly' must be true or false, got \"yes\"",
                    "chatMapping key '1.5' is not a chat id (chat ids are integers, for example -1001234567890)");
        }
    }

    @Nested
    class RecordAndAccessors {
        private final StorageConfig config = new StorageConfig("primary",
                List.of(SourceConfig.of("zeta", "/z.db").withReadonly(true), SourceConfig.of("primary", "/p.db")),
                Map.of(9L, "zeta"), OnSourceFailure.SKIP);

        @Test
        void sourceNamesKeepConfigOrder() {
            assertThat(config.sourceNames()).containsExactly("zeta", "primary");
        }

        @Test
        void sourceLookup() {
            assertThat(config.source("zeta").requireString("path")).isEqualTo("/z.db");
            assertThat(config.findSource("zeta")).contains(config.sources().get(0));
            assertThat(config.findSource("nope")).isEmpty();
            assertThat(config.defaultSourceConfig().name()).isEqualTo("primary");
            assertThat(config.isReadonly("zeta")).isTrue();
            assertThat(config.isReadonly("primary")).isFalse();
        }

        @Test
        void unknownSourceNeverFallsBackToTheDefault() {
            assertThatThrownBy(() -> config.source("archive"))
                    .isInstanceOf(UnknownSourceException.class)
                    .hasMessageStartingWith("Source 'archive' not found in configuration")
                    .hasMessageContaining("zeta, primary");
            assertThatThrownBy(() -> config.isReadonly("archive")).isInstanceOf(UnknownSourceException.class);
        }

        @Test
        void routesByMappingElseDefault() {
            assertThat(config.sourceNameForChat(9L)).isEqualTo("zeta");
            assertThat(config.sourceNameForChat(10L)).isEqualTo("primary");
        }

        @Test
        void collectionsAreCopiedAndMappingKeepsInsertionOrder() {
            List<SourceConfig> sources = new ArrayList<>(List.of(SourceConfig.of("a", "/a.db")));
            Map<Long, String> mapping = new LinkedHashMap<>();
            for (long chat = 20; chat > 0; chat--) {
                mapping.put(chat, "a");
            }
            StorageConfig copy = new StorageConfig("a", sources, mapping, OnSourceFailure.SKIP);
            sources.add(SourceConfig.of("b", "/b.db"));
            mapping.put(100L, "b");

            assertThat(copy.sourceNames()).containsExactly("a");
            assertThat(copy.chatMapping()).hasSize(20);
            assertThat(copy.chatMapping().keySet()).first().isEqualTo(20L);
            assertThatThrownBy(() -> copy.chatMapping().put(1L, "a")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> copy.sources().add(SourceConfig.of("c", "/c"))).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void constructorReportsEveryCrossFieldProblem() {
            assertThat(StorageConfig.structureProblems("missing", List.of("a", "a", "b c"), Map.of(1L, "nope")))
                    .containsExactly(
                    "Source name 'a' is used by more than one source; source names must be unique",
                    "Source name 'b c' is invalid: use only letters, digits, '_' and '-'",
                    "Default source 'missing' not found in sources configuration. Available sources: a, b c. "
                            + "Set [database] default to one of them",
                    "Chat 1 is mapped to unknown source 'nope'. Known sources: a, b c");
            assertThatThrownBy(() -> SourceConfig.of("b c", "/c.db")).isInstanceOf(IllegalArgumentException.class);
            assertThat(problems(() -> new StorageConfig("missing", List.of(SourceConfig.of("a", "/a.db"),
                    SourceConfig.of("a", "/b.db")), Map.of(), OnSourceFailure.SKIP))).contains(
                    "Source name 'a' is used by more than one source; source names must be unique");
            assertThat(problems(() -> new StorageConfig("default", List.of(), Map.of(), OnSourceFailure.SKIP)))
                    .containsExactly("Multi-source config must contain at least one source; "
                            + "add [database.sources.NAME] with a path");
        }

        @Test
        void nullsAreRejectedWithTheirName() {
            assertThatThrownBy(() -> new StorageConfig(null, List.of(), Map.of(), OnSourceFailure.SKIP))
                    .isInstanceOf(NullPointerException.class).hasMessage("defaultSource is null");
            assertThatThrownBy(() -> new StorageConfig("a", List.of(SourceConfig.of("a", "/a")), Map.of(), null))
                    .isInstanceOf(NullPointerException.class).hasMessage("onSourceFailure is null");
        }
    }
}
