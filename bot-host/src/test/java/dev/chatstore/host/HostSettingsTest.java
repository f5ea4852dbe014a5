package dev.chatstore.host;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

        assertThat(problems).containsExactly("unknown key 'token' in [telegram] (known keys: secret-token, webhook-path)");
    }

    @Test
    void serverDefaults() {
        HostSettings settings = HostSettings.parse("[server]\n", base, problems::add);

        assertThat(settings.server()).isEqualTo(new ServerSettings(32, 64, 1024, Duration.ofSeconds(30), 1 << 20,
                Duration.ofSeconds(10)));
        assertThat(settings.webhookPath()).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void readsTheServerTableAndTheWebhookPath() {
        HostSettings settings = HostSettings.parse("""
                [telegram]
                secret-token = "abc"
                webhook-path = "/hook/9f2c-Ab_x.1~"
                [server]
                max-threads = 12
                queue-size = 5
                max-connections = 100
                idle-timeout = 2.5
                max-body-bytes = 65536
                stop-timeout = 3
                group-commit = false
                """, base, problems::add);

        assertThat(problems).isEmpty();
        assertThat(settings.webhookPath()).contains("/hook/9f2c-Ab_x.1~");
        assertThat(settings.server()).isEqualTo(new ServerSettings(12, 5, 100, Duration.ofMillis(2500), 65536,
                Duration.ofSeconds(3), false));
        assertThat(ServerSettings.defaults().groupCommit()).isTrue();
        assertThat(settings).isEqualTo(new HostSettings(Optional.empty(), Optional.of("abc"),
                Optional.of("/hook/9f2c-Ab_x.1~"), settings.server()));
    }

    @Test
    void reportsEveryProblemOfTheServerTableAndKeepsTheDefaults() {
        HostSettings settings = HostSettings.parse("""
                [telegram]
                webhook-path = "/hook/../admin"
                [server]
                max-thread = 12
                queue-size = 0
                max-connections = "many"
                idle-timeout = -1
                max-body-bytes = 1.5
                stop-timeout = 7200
                group-commit = "yes"
                """, base, problems::add);

        assertThat(settings.server()).isEqualTo(ServerSettings.defaults());
        assertThat(settings.webhookPath()).isEmpty();
        assertThat(problems).containsExactly(
                "[telegram] webhook-path must be a URL path such as \"/telegram/webhook/s3cret-1\": segments of "
                        + "A-Z, a-z, 0-9, _ ~ . and -, not '.' or '..', and not /health or /metrics; was \"/hook/../admin\"",
                "unknown key 'max-thread' in [server] (did you mean 'max-threads'?)",
                "[server] queue-size must be an integer from 1 to 1000000, was 0",
                "[server] max-connections must be an integer from 1 to 1000000, was \"many\"",
                "[server] idle-timeout must be a number of seconds, more than 0 and at most 3600, was -1",
                "[server] max-body-bytes must be an integer from 1 to 2147483646, was 1.5",
                "[server] stop-timeout must be a number of seconds, more than 0 and at most 3600, was 7200",
                "[server] group-commit must be true or false, was \"yes\"");
    }

    @Test
    void webhookPathsThatAreNotPlainPathsAreProblems() {
        for (String path : List.of("hook", "/", "/health", "/metrics", "/a//b", "/a?x=1", "/a b", "/a/./b", "/%2e%2e")) {
            List<String> found = new ArrayList<>();
            HostSettings.parse("[telegram]\nwebhook-path = \"" + path + "\"\n", base, found::add);
            assertThat(found).as(path).singleElement().asString().startsWith("[telegram] webhook-path must be");
        }
    }

    @Test
    void aServerThatIsNotATableIsAProblem() {
        HostSettings.parse("server = 8080\n", base, problems::add);

        assertThat(problems).containsExactly("'server' must be a table ([server])");
    }

    @Test
    void metricsAreOnAtTheWebhooksPortByDefault() {
        HostSettings settings = HostSettings.parse("[metrics]\n", base, problems::add);

        assertThat(settings.metrics()).isEqualTo(MetricsSettings.defaults());
        assertThat(settings.metrics().enabled()).isTrue();
        assertThat(settings.metrics().separatePort()).isFalse();
        assertThat(HostSettings.none().metrics()).isEqualTo(MetricsSettings.defaults());
        assertThat(problems).isEmpty();
    }

    @Test
    void readsTheMetricsTable() {
        HostSettings off = HostSettings.parse("[metrics]\nenabled = false\n", base, problems::add);
        HostSettings apart = HostSettings.parse("[metrics]\nport = 9464\nbind = \"0.0.0.0\"\n", base, problems::add);

        assertThat(off.metrics().enabled()).isFalse();
        assertThat(off.metrics().separatePort()).isFalse();
        assertThat(apart.metrics()).isEqualTo(new MetricsSettings(true, java.util.OptionalInt.of(9464),
                Optional.of("0.0.0.0")));
        assertThat(apart.metrics().separatePort()).isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void reportsEveryProblemOfTheMetricsTableAndKeepsTheDefaults() {
        HostSettings settings = HostSettings.parse("""
                [metrics]
                enable = false
                enabled = "no"
                port = 70000
                bind = 1
                """, base, problems::add);

        assertThat(settings.metrics()).isEqualTo(MetricsSettings.defaults());
        assertThat(problems).containsExactly(
                "unknown key 'enable' in [metrics] (did you mean 'enabled'?)",
                "[metrics] enabled must be true or false, was \"no\"",
                "[metrics] port must be an integer from 0 to 65535, was 70000",
                "[metrics] bind must be an address such as \"127.0.0.1\", was 1");
    }

    @Test
    void aMetricsBindWithoutAPortIsAProblem() {
        HostSettings settings = HostSettings.parse("[metrics]\nbind = \"0.0.0.0\"\n", base, problems::add);
        HostSettings.parse("metrics = true\n", base, problems::add);

        assertThat(settings.metrics()).isEqualTo(MetricsSettings.defaults());
        assertThat(problems).containsExactly("[metrics] bind is set but port is not; bind is the address of the "
                + "separate metrics server that port starts", "'metrics' must be a table ([metrics])");
    }
}
