package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.chatstore.host.HostProcess.run;
import static dev.chatstore.host.HostProcess.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** {@code serve}: the webhook and health endpoints of the running jar, then SIGTERM and the data still there. */
class ServeIT {
    static final String SECRET = "it-secret_42";
    static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void answersWebhookAndHealthThenStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        HostProcess.installPlugins(dir);
        run(dir, "--db", "data/archive.db", "--plugins", "plugins", "migrate").exits(0);
        write(dir.resolve("bot.toml"), """
                [plugins]
                dir = "plugins"

                [telegram]
                secret-token = "%s"

                [database]
                default = "primary"

                [database.sources.primary]
                path = "data/primary.db"

                [database.sources.archive]
                path = "data/archive.db"
                readonly = true

                [database.chatMapping]
                %d = "archive"
                """.formatted(SECRET, OperatorCommandsIT.ARCHIVED_CHAT));

        HostProcess.Running server = HostProcess.start(dir, "--config", "bot.toml", "serve", "--port", "0");
        try {
            URI base = URI.create("http://127.0.0.1:" + awaitPort(server));

            HttpResponse<String> stored = post(base, WebhookHandlerTest.update(4242, 1, "Привет, мир 🌍"), SECRET);
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            assertThat(stored.body()).contains("\"outcome\" : \"stored\"");
            assertThat(post(base, WebhookHandlerTest.update(4242, 1, "Привет, мир 🌍"), SECRET).body())
                    .contains("\"outcome\" : \"duplicate\"");
            assertThat(post(base, WebhookHandlerTest.update(4242, 2, "no secret"), null).statusCode()).isEqualTo(401);
            assertThat(post(base, "{\"update_id\": 5, \"message\": ", SECRET).statusCode()).isEqualTo(400);
            HttpResponse<String> refused = post(base,
                    WebhookHandlerTest.update(OperatorCommandsIT.ARCHIVED_CHAT, 3, "archived"), SECRET);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains(IngestIT.GUIDE_REFUSAL);

            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(base.resolve("/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(anonymous.body())).isEqualTo(new ObjectMapper().readTree("""
                    {"status": "ok", "sources": [{"name": "primary", "status": "ok"},
                                                 {"name": "archive", "status": "ok"}]}"""));
            assertThat(anonymous.body()).doesNotContain(dir.getFileName().toString());

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health"))
                    .header(WebhookHandler.SECRET_HEADER, SECRET).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode status = new ObjectMapper().readTree(health.body());
            assertThat(status.path("status").asText()).isEqualTo("ok");
            assertThat(status.path("sources")).hasSize(2);
            assertThat(status.path("sources").get(1).path("readonly").asBoolean()).isTrue();
            assertThat(status.path("sources").get(1).path("path").asText()).endsWith("archive.db");
            assertThat(status.path("sources").get(0).path("messages").isNull())
                    .as("a probe counts nothing: constant work per source").isTrue();
        } finally {
            server.process().destroy(); // SIGTERM on Linux
        }
        HostProcess.Result stopped = server.await(Duration.ofSeconds(30));
        assertThat(stopped.err()).contains("Stopping");
        assertThat(stopped.err()).doesNotContain("Exception");

        JsonNode messages = run(dir, "--config", "bot.toml", "messages", "--chat", "4242", "--json").exits(0).json();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("text").asText()).isEqualTo("Привет, мир 🌍");
        assertThat(messages.get(0).path("source").asText()).isEqualTo("primary");
    }

    static int awaitPort(HostProcess.Running server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(server.stdout());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!server.process().isAlive()) {
                fail("serve exited with %d before listening:%n%s", server.process().exitValue(), server.stderr());
            }
            Thread.sleep(100);
        }
        return fail("serve did not print 'Listening on' within 60 s:%n%s", server.stderr());
    }

    private HttpResponse<String> post(URI base, String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(WebhookServer.WEBHOOK_PATH))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookHandler.SECRET_HEADER, secret);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
