package dev.chatstore.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigChoiceTest {
    @TempDir
    Path work;

    @Test
    void bothConfigAndDbIsAUsageError() {
        assertThatThrownBy(() -> ConfigChoice.resolve(Path.of("a.toml"), Path.of("b.db"), work, Optional.empty()))
                .isInstanceOfSatisfying(HostFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(2))
                .hasMessageContaining("Cannot provide both dbPath and config - choose one mode")
                .hasMessageContaining("--config FILE or --db FILE");
    }

    @Test
    void dbAloneIsTheSingleFileFormResolvedAgainstTheWorkingDirectory() {
        ConfigChoice choice = ConfigChoice.resolve(null, Path.of("data/../bot.db"), work, Optional.empty());

        assertThat(choice.db()).contains(work.resolve("bot.db"));
        assertThat(choice.config()).isEmpty();
    }

    @Test
    void configAloneIsResolvedAgainstTheWorkingDirectory() {
        ConfigChoice choice = ConfigChoice.resolve(Path.of("conf/bot.toml"), null, work, Optional.empty());

        assertThat(choice.config()).contains(work.resolve("conf/bot.toml"));
        assertThat(choice.describe()).isEqualTo("config " + work.resolve("conf/bot.toml"));
    }

    @Test
    void neitherTakesConfigsBotTomlFromTheWorkingDirectoryFirst(@TempDir Path install) throws IOException {
        Path local = touch(work.resolve("configs/bot.toml"));
        touch(install.resolve("configs/bot.toml"));

        assertThat(ConfigChoice.resolve(null, null, work, Optional.of(install)).config()).contains(local);
    }

    @Test
    void neitherFallsBackToTheInstallationsConfig(@TempDir Path install) throws IOException {
        Path installed = touch(install.resolve("configs/bot.toml"));

        assertThat(ConfigChoice.resolve(null, null, work, Optional.of(install)).config()).contains(installed);
    }

    @Test
    void neitherWithNoConfigAnywhereNamesTheLocalDefault() {
        assertThat(ConfigChoice.resolve(null, null, work, Optional.empty()).config())
                .contains(work.resolve("configs/bot.toml"));
    }

    @Test
    void installLocationIsTheNearestFolderWithConfigsBotToml(@TempDir Path install) throws IOException {
        touch(install.resolve("configs/bot.toml"));
        Path jarFolder = Files.createDirectories(install.resolve("bot-host/target"));

        assertThat(InstallLocation.findAbove(jarFolder.resolve("bot-host.jar"))).contains(install);
        assertThat(InstallLocation.findAbove(work)).isEmpty();
    }

    static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "");
    }
}
