package dev.chatstore.storage.config;

import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each backend's own keys, checked against what its provider declares. */
class BackendKeysTest {
    private static final Path BASE = Path.of("/srv/bot");

    private static List<String> problems(String toml) {
        try {
            StorageConfigReader.fromToml(toml, BASE, TestKeys.ALL);
        } catch (StorageConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems in:\n" + toml);
    }

    @Test
    void aUrlKeyPassesVerbatimAndDefaultsAreFilledIn() {
        StorageConfig config = StorageConfigReader.fromToml("""
                [database.sources.default]
                type = "redis"
                url = "redis://h:6379/0"
                pool-size = 2
                """, BASE, TestKeys.ALL);

        SourceConfig source = config.defaultSourceConfig();
        assertThat(source.requireString("url")).isEqualTo("redis://h:6379/0");
        assertThat(source.option("database", Long.class)).contains(0L);
        assertThat(source.option("password", String.class)).isEmpty();
        assertThat(source.poolSize()).isEqualTo(2);
        assertThat(source.location()).isEqualTo("redis://h:6379/0");
    }

    @Test
    void pathKindValuesResolveAgainstTheConfigFolderExceptLiterals() {
        StorageConfig config = StorageConfigReader.fromToml("""
                [database.sources.default]
                path = "data/bot.db"
                [database.sources.mem]
                path = ":memory:"
                """, BASE, TestKeys.ALL);

        assertThat(config.source("default").requireString("path")).isEqualTo("/srv/bot/data/bot.db");
        assertThat(config.source("mem").requireString("path")).isEqualTo(":memory:");
    }

    @Test
    void everyBackendKeyProblemIsReportedAtOnceNamingTheSource() {
        assertThat(problems("""
                [database.sources.default]
                type = "redis"
                path = "x.db"
                database = "zero"
                password = 5
                pool-size = 0
                """)).containsExactlyInAnyOrder(
                "Source 'default': unknown key 'path' (known keys: url, database, password, readonly, pool-size, "
                        + "timeout, type)",
                "Source 'default': 'database' must be an integer, got \"zero\"",
                "Source 'default': 'password' must be text (the Redis password), got a value of another kind",
                "Source 'default': 'pool-size' must be an integer from 1 to 64, got 0",
                "Source 'default' missing required 'url' field");
    }

    @Test
    void aMisspelledBackendKeyGetsAHint() {
        assertThat(problems("[database.sources.default]\ntype = \"redis\"\nurll = \"redis://h\"\n"))
                .contains("Source 'default': unknown key 'urll' (did you mean 'url'?)");
    }

    @Test
    void aSecretIsNeverEchoed() {
        StorageConfig config = StorageConfigReader.fromToml("""
                [database.sources.default]
                type = "redis"
                url = "redis://h"
                password = "hunter2"
                """, BASE, TestKeys.ALL);

        assertThat(config.toString()).doesNotContain("hunter2");
        assertThat(config.defaultSourceConfig().requireString("password")).isEqualTo("hunter2");
    }

    @Test
    void aTypeWithNoProviderKeepsItsKeysForTheTypeCheckToReport() {
        StorageConfig config = StorageConfigReader.fromToml("""
                [database.sources.default]
                type = "mongo"
                uri = "mongodb://h"
                """, BASE, TestKeys.ALL);

        assertThat(config.defaultSourceConfig().requireString("uri")).isEqualTo("mongodb://h");
    }

    @Test
    void valuesNestedAThousandLevelsDeepAreAProblemNotAStackOverflow() {
        String deep = "[database.sources.default]\npath = \"a.db\"\nx = " + "[".repeat(1000) + "]".repeat(1000) + "\n";

        assertThatThrownBy(() -> StorageConfigReader.fromToml(deep, BASE, TestKeys.ALL))
                .isInstanceOfSatisfying(StorageConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("line 3", "nested more than 100 levels"));
        String inline = "[database.sources.default]\npath = \"a.db\"\nx = " + "{a = ".repeat(1000) + "1" + "}".repeat(1000);
        assertThatThrownBy(() -> TomlDocument.parse(inline, BASE)).isInstanceOf(StorageConfigException.class);
    }

    @Test
    void bracketsInsideStringsAndCommentsDoNotCount() {
        String toml = "# " + "[".repeat(500) + "\n[database.sources.default]\npath = \"" + "[".repeat(500) + ".db\"\n"
                + "label = '''" + "{".repeat(300) + "'''\n";
        assertThat(problems(toml)).containsExactly("Source 'default': unknown key 'label' (known keys: path, readonly, pool-size, timeout, type)");
    }
}
