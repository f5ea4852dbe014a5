package dev.chatstore.storage.config;

import dev.chatstore.storage.spi.*;
import java.util.Map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomlj.Toml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The shipped configs/bot.toml and configs/examples/*.toml parse, validate and say what their comments promise. */
class ExampleConfigsTest {
    private static final Path ROOT = repositoryRoot();
    private static final Path EXAMPLES = ROOT.resolve("configs/examples");

    // Surefire runs in the module folder; the shipped configs live at the reactor root.
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("configs/bot.toml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no configs/bot.toml above " + Path.of("").toAbsolutePath());
    }

    static Stream<Path> configFiles() throws IOException {
        try (Stream<Path> top = Files.list(ROOT.resolve("configs")); Stream<Path> examples = Files.list(EXAMPLES)) {
            return Stream.concat(top, examples).filter(file -> file.toString().endsWith(".toml")).sorted().toList().stream();
        }
    }

    private static StorageConfig example(String name) {
        return StorageConfigReader.fromToml(EXAMPLES.resolve(name), TestKeys.ALL);
    }

    @ParameterizedTest
    @MethodSource("configFiles")
    void everyShippedConfigIsValid(Path file) throws IOException {
        StorageConfig config = StorageConfigReader.fromToml(file, TestKeys.ALL);

        assertThat(config.sources()).isNotEmpty();
        // Relative paths resolved against the file's folder: nothing escapes above configs/ or the root.
        assertThat(config.sources()).allSatisfy(source ->
                assertThat(Path.of(source.requireString("path"))).isAbsolute().startsWithRaw(ROOT));
        String pluginsDir = Toml.parse(Files.readString(file)).getString("plugins.dir");
        assertThat(pluginsDir).as("[plugins] dir of " + file).isNotNull();
        assertThat(file.getParent().resolve(pluginsDir).normalize()).isEqualTo(ROOT.resolve("plugins"));
    }

    @Test
    void theGuidesFourExamplesAndTheDefaultAreShipped() throws IOException {
        assertThat(configFiles().map(file -> ROOT.relativize(file).toString().replace('\\', '/'))).contains(
                "configs/bot.toml",
                "configs/examples/multi-source-basic.toml",
                "configs/examples/multi-source-advanced.toml",
                "configs/examples/multi-source-readonly-only.toml",
                "configs/examples/multi-source-migration.toml");
    }

    @Test
    void botTomlIsOneWritableSourceUnderTheRootDataFolder() {
        StorageConfig config = StorageConfigReader.fromToml(ROOT.resolve("configs/bot.toml"), TestKeys.ALL);

        assertThat(config.defaultSource()).isEqualTo("primary");
        assertThat(config.sources()).containsExactly(new SourceConfig("primary", "sqlite", false, 4, Duration.ofSeconds(30), Map.of("path", ROOT.resolve("data/bot.db").toString())));
    }

    @Test
    void basicMapsTwoChatsToTheReadonlyArchive() {
        StorageConfig config = example("multi-source-basic.toml");

        assertThat(config.sourceNames()).containsExactly("primary", "archive");
        assertThat(config.defaultSourceConfig().readonly()).isFalse();
        assertThat(config.isReadonly("archive")).isTrue();
        assertThat(config.chatMapping()).containsOnly(entry(-1001234567890L, "archive"), entry(-1009876543210L, "archive"));
        assertThat(config.source("primary").requireString("path")).isEqualTo(EXAMPLES.resolve("data/primary.db").toString());
    }

    @Test
    void advancedHasFourSourcesAndFailsFanOutOnSourceFailure() {
        StorageConfig config = example("multi-source-advanced.toml");

        assertThat(config.sourceNames()).containsExactly("primary", "archive", "external", "testing");
        assertThat(config.sources()).filteredOn(SourceConfig::readonly).extracting(SourceConfig::name)
                .containsExactly("archive", "external");
        assertThat(config.onSourceFailure()).isEqualTo(OnSourceFailure.FAIL);
        assertThat(config.sources().stream().map(SourceConfig::poolSize).distinct().count()).isGreaterThan(2);
        assertThat(config.sources().stream().map(SourceConfig::timeout).distinct().count()).isGreaterThan(2);
        assertThat(config.source("external").timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.source("testing").timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.sourceNameForChat(-1005555555555L)).isEqualTo("testing");
        assertThat(config.sourceNameForChat(123456789L)).isEqualTo("testing");
        assertThat(config.sourceNameForChat(-1001234567890L)).isEqualTo("archive");
    }

    @Test
    void readonlyOnlyHasNoWritableSource() {
        StorageConfig config = example("multi-source-readonly-only.toml");

        assertThat(config.sources()).hasSizeGreaterThan(1).allSatisfy(source -> assertThat(source.readonly()).isTrue());
        assertThat(config.defaultSourceConfig().readonly()).isTrue();
        assertThat(config.chatMapping().values()).isSubsetOf(config.sourceNames());
    }

    @Test
    void migrationKeepsSomeChatsOnTheReadonlyOldDatabase() {
        StorageConfig config = example("multi-source-migration.toml");

        assertThat(config.isReadonly(config.defaultSource())).isFalse();
        List<String> mappedTo = List.copyOf(config.chatMapping().values());
        assertThat(mappedTo).isNotEmpty().containsOnly("old");
        assertThat(config.isReadonly("old")).isTrue();
    }
}
