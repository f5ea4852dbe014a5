package dev.chatstore.host;

import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostSetupTest {
    @TempDir
    Path work;

    @Test
    void aConfigFileGivesTheStorageConfigAndThePluginsDirRelativeToIt() throws IOException {
        Path config = write("deploy/configs/bot.toml", """
                [plugins]
                dir = "../plugins"
                [database]
                default = "primary"
                [database.sources.primary]
                path = "../data/bot.db"
                """);

        HostSetup setup = HostSetup.resolve(new HostOptions(config, null, null, false), Path.of("/"), Optional.empty());

        assertThat(setup.pluginsDir()).isEqualTo(work.resolve("deploy/plugins"));
        assertThat(setup.storageConfig(TestKeys.SQLITE).source("primary").requireString("path"))
                .isEqualTo(work.resolve("deploy/data/bot.db").toString());
        assertThat(setup.choice().config()).contains(config);
    }

    @Test
    void theSingleFileFormHasOneWritableDefaultSource() {
        HostSetup setup = HostSetup.resolve(new HostOptions(null, Path.of("bot.db"), Path.of("p"), false), work,
                Optional.empty());

        StorageConfig config = setup.storageConfig(TestKeys.SQLITE);
        assertThat(config.sourceNames()).containsExactly(StorageConfig.DEFAULT_SOURCE_NAME);
        assertThat(config.defaultSourceConfig().readonly()).isFalse();
        assertThat(Path.of(config.defaultSourceConfig().requireString("path"))).isEqualTo(work.resolve("bot.db"));
        assertThat(setup.pluginsDir()).isEqualTo(work.resolve("p"));
        assertThat(setup.settings()).isEqualTo(HostSettings.none());
    }

    @Test
    void bothFormsAreRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> HostSetup.resolve(new HostOptions(Path.of("missing.toml"), Path.of("x.db"), null,
                false), work, Optional.empty()))
                .isInstanceOfSatisfying(HostFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(2))
                .hasMessageContaining("Cannot provide both dbPath and config");
    }

    @Test
    void aMissingConfigFileIsAUsageErrorThatSaysWhatToDo() {
        assertThatThrownBy(() -> HostSetup.resolve(new HostOptions(Path.of("nope.toml"), null, null, false), work,
                Optional.empty()))
                .isInstanceOfSatisfying(HostFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(2))
                .hasMessageContaining(work.resolve("nope.toml").toString())
                .hasMessageContaining("--config FILE");
    }

    @Test
    void storageAndHostProblemsAreReportedTogether() throws IOException {
        Path config = write("bad.toml", """
                [plugins]
                folder = "x"
                [database]
                default = "missing"
                [database.sources.primary]
                pool_size = 3
                """);

        HostSetup setup = HostSetup.resolve(new HostOptions(config, null, null, false), work, Optional.empty());
        assertThatThrownBy(() -> setup.storageConfig(TestKeys.SQLITE))
                .isInstanceOfSatisfying(StorageConfigException.class, failure -> {
                    assertThat(failure.problems()).anyMatch(p -> p.contains("Default source 'missing' not found"));
                    assertThat(failure.problems()).anyMatch(p -> p.contains("missing required 'path' field"));
                    assertThat(failure.problems()).anyMatch(p -> p.contains("pool_size"));
                    assertThat(failure.problems()).last().asString()
                            .isEqualTo(config + ": unknown key 'folder' in [plugins] (known keys: dir)");
                });
    }

    @Test
    void hostProblemsAloneAlsoFailTheConfig() throws IOException {
        Path config = write("bad.toml", """
                [telegram]
                secret = "x"
                [database.sources.default]
                path = "a.db"
                """);

        HostSetup setup = HostSetup.resolve(new HostOptions(config, null, null, false), work, Optional.empty());
        assertThatThrownBy(() -> setup.storageConfig(TestKeys.SQLITE))
                .isInstanceOfSatisfying(StorageConfigException.class, failure -> assertThat(failure.problems())
                        .containsExactly(config + ": unknown key 'secret' in [telegram] (known keys: secret-token, webhook-path)"));
    }

    private Path write(String name, String text) throws IOException {
        Path file = work.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
