package dev.chatstore.host;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostSettingsTest {
    private final Path base = Path.of("/srv/bot/configs");
    private final List<String> problems = new ArrayList<>();

    @Test
    void defaultsAreEmpty() {
        HostSettings settings = HostSettings.parse("[database.sources.a]\npath = \"a.db\"\n", base, problems::add);

        assertThat(settings).isEqualTo(HostSettings.none());
        assertThat(problems).isEmpty();
    }

    @Test
    void readsThePluginsDirRelativeToTheConfigsFolderAndTheSecret() {
        HostSettings settings = HostSettings.parse("""
                [plugins]
                dir = "../plugins"
                [telegram]
                secret-token = "s3cr3t_Token-1"
                """, base, problems::add);

        assertThat(settings.pluginsDir()).contains(Path.of("/srv/bot/plugins"));
        assertThat(settings.secretToken()).contains("s3cr3t_Token-1");
        assertThat(problems).isEmpty();
    }

    @Test
    void anAbsolutePluginsDirIsKept() {
        HostSettings settings = HostSettings.parse("[plugins]\ndir = \"/opt/plugins\"\n", base, problems::add);

        assertThat(settings.pluginsDir()).contains(Path.of("/opt/plugins"));
    }

    @Test
    void reportsEveryProblemOfTheHostTables() {
        HostSettings settings = HostSettings.parse("""
                [plugin]
                dir = "x"
                [plugins]
                dirs = "../plugins"
                dir = 42
                [telegram]
                secret-token = "has spaces!"
                """, base, problems::add);

        assertThat(settings).isEqualTo(HostSettings.none());
        assertThat(problems).containsExactly(
                "unknown top-level key 'plugin' (did you mean 'plugins'?)",
                "unknown key 'dirs' in [plugins] (did you mean 'dir'?)",
                "[plugins] dir must be a string (a folder path), was 42",
                "[telegram] secret-token has characters Telegram does not allow; expected 1 to 256 of A-Z, a-z, 0-9, _ and -");
    }

    @Test
    void syntaxErrorsAreLeftToTheStorageConfig() {
        HostSettings settings = HostSettings.parse("[plugins\ndir = ", base, problems::add);

        assertThat(settings).isEqualTo(HostSettings.none());
        assertThat(problems).isEmpty();
    }

    @Test
    void anEmptyPluginsDirIsAProblem() {
        HostSettings.parse("[plugins]\ndir = \" \"\n", base, problems::add);

        assertThat(problems).singleElement().asString().contains("[plugins] dir is empty");
    }

    @Test
    void unknownKeysWithoutACloseMatchListTheKnownKeys() {
        HostSettings.parse("[telegram]\ntoken = \"x\"\n", base, problems::add);

        assertThat(problems).containsExactly("unknown key 'token' in [telegram] (known keys: secret-token)");
    }
}
