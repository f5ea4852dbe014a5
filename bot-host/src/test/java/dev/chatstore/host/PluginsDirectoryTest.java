package dev.chatstore.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PluginsDirectoryTest {
    @TempDir
    Path work;

    private final Path checkout = Path.of("/srv/bot");
    private final ConfigChoice config = new ConfigChoice(checkout.resolve("configs/bot.toml"), null);

    @Test
    void theCommandLineWinsAndIsRelativeToTheWorkingDirectory() {
        HostSettings settings = new HostSettings(Optional.of(Path.of("/elsewhere")), Optional.empty());

        assertThat(PluginsDirectory.resolve(Path.of("my-plugins"), settings, config, work, Optional.empty()))
                .isEqualTo(work.resolve("my-plugins"));
    }

    @Test
    void theConfigsPluginsDirComesNext() {
        HostSettings settings = new HostSettings(Optional.of(Path.of("/srv/bot/configs/../plugins")), Optional.empty());

        assertThat(PluginsDirectory.resolve(null, settings, config, work, Optional.empty()))
                .isEqualTo(Path.of("/srv/bot/plugins"));
    }

    @Test
    void withoutEitherItIsPluginsBesideTheConfigsFolderWhenThatExists() throws IOException {
        Path configFile = ConfigChoiceTest.touch(work.resolve("deploy/configs/bot.toml"));
        Path beside = Files.createDirectories(work.resolve("deploy/plugins"));
        Files.createDirectories(work.resolve("plugins"));

        assertThat(PluginsDirectory.resolve(null, HostSettings.none(), new ConfigChoice(configFile, null), work,
                Optional.empty())).isEqualTo(beside);
    }

    @Test
    void elseItIsPluginsInTheWorkingDirectory() throws IOException {
        Path configFile = ConfigChoiceTest.touch(work.resolve("deploy/configs/bot.toml"));
        Path local = Files.createDirectories(work.resolve("plugins"));

        assertThat(PluginsDirectory.resolve(null, HostSettings.none(), new ConfigChoice(configFile, null), work,
                Optional.empty())).isEqualTo(local);
    }

    @Test
    void whenNoCandidateExistsTheFirstIsNamed() throws IOException {
        Path configFile = ConfigChoiceTest.touch(work.resolve("deploy/configs/bot.toml"));

        assertThat(PluginsDirectory.resolve(null, HostSettings.none(), new ConfigChoice(configFile, null), work,
                Optional.empty())).isEqualTo(work.resolve("deploy/plugins"));
    }

    @Test
    void theSingleFileFormUsesTheWorkingDirectoryThenTheInstallation(@TempDir Path install) throws IOException {
        ConfigChoice db = new ConfigChoice(null, work.resolve("bot.db"));
        Path installed = Files.createDirectories(install.resolve("plugins"));

        assertThat(PluginsDirectory.resolve(null, HostSettings.none(), db, work, Optional.of(install)))
                .isEqualTo(installed);
        Path local = Files.createDirectories(work.resolve("plugins"));
        assertThat(PluginsDirectory.resolve(null, HostSettings.none(), db, work, Optional.of(install)))
                .isEqualTo(local);
    }
}
