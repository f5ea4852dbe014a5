package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.chatstore.host.HostProcess.run;
import static dev.chatstore.host.HostProcess.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve}'s group commit in the built jar: 32 clients posting distinct updates at once share transactions
 * (fewer message writes than updates, counted by {@code chatstore_operation_seconds_count} of
 * {@code addChatMessages}, one transaction each), every update answered 200 is stored exactly once, and with
 * {@code [server] group-commit = false} each update has its own write.
 */
class ServeGroupCommitIT {
    private static final int CLIENTS = 32;
    private static final int PER_CLIENT = 20;
    private static final long CHAT = -1009000000042L;

    @TempDir
    Path dir;

    @Test
    void concurrentUpdatesShareTransactionsAndEachAcknowledgedOneIsStoredOnce() throws Exception {
        Map<String, Double> writes = serveAndPost("group-commit = true", "on.db");

        assertThat(writes.get("stored")).isEqualTo(CLIENTS * PER_CLIENT);
        assertThat(writes.get("addChatMessage")).isZero();
        assertThat(writes.get("addChatMessages")).as("message writes (transactions) for %d updates",
                CLIENTS * PER_CLIENT).isLessThan(CLIENTS * PER_CLIENT);
        assertStoredOnce("on.db");
    }

    @Test
    void withoutGroupCommitEachUpdateHasItsOwnWrite() throws Exception {
        Map<String, Double> writes = serveAndPost("group-commit = false", "off.db");

        assertThat(writes.get("stored")).isEqualTo(CLIENTS * PER_CLIENT);
        assertThat(writes.get("addChatMessages")).isEqualTo(CLIENTS * PER_CLIENT);
        assertStoredOnce("off.db");
    }

    /** Serves {@code db}, posts from 32 clients at once, stops with SIGTERM; the counts scraped before the stop. */
    private Map<String, Double> serveAndPost(String serverKey, String db) throws Exception {
        HostProcess.installPlugins(dir);
        write(dir.resolve(db + ".toml"), """
                [plugins]
                dir = "plugins"

                [telegram]
                secret-token = "%s"

                [database]
                default = "primary"

                [database.sources.primary]
                path = "data/%s"

                [server]
                %s
                """.formatted(ServeIT.SECRET, db, serverKey));
        HostProcess.Running server = HostProcess.start(dir, "--config", db + ".toml", "serve", "--port", "0");
        List<MetricsIT.Sample> samples;
        try {
            URI base = URI.create("http://127.0.0.1:" + ServeIT.awaitPort(server));
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<List<Integer>>> statuses = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    int first = client * PER_CLIENT + 1;
                    statuses.add(clients.submit(() -> post(base, first)));
                }
                for (Future<List<Integer>> client : statuses) {
                    assertThat(client.get(5, TimeUnit.MINUTES)).containsOnly(200);
                }
            } finally {
                clients.shutdownNow();
            }
            HttpClient http = HttpClient.newHttpClient();
            samples = MetricsIT.parse(http.send(HttpRequest.newBuilder(base.resolve("/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } finally {
            server.process().destroy(); // SIGTERM
        }
        HostProcess.Result stopped = server.await(Duration.ofSeconds(60));
        assertThat(stopped.err()).doesNotContain("Exception");
        return Map.of(
                "stored", sum(samples, "chatstore_ingest_updates_total", "outcome", "stored"),
                "addChatMessages", sum(samples, "chatstore_operation_seconds_count", "operation", "addChatMessages"),
                "addChatMessage", sum(samples, "chatstore_operation_seconds_count", "operation", "addChatMessage"));
    }

    /** One client on its own connection: {@value #PER_CLIENT} new messages, one after another. */
    private static List<Integer> post(URI base, int firstMessageId) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Integer> statuses = new ArrayList<>();
        for (int id = firstMessageId; id < firstMessageId + PER_CLIENT; id++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(WebhookServer.WEBHOOK_PATH))
                    .timeout(Duration.ofSeconds(60)).header(WebhookHandler.SECRET_HEADER, ServeIT.SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(WebhookHandlerTest.update(CHAT, id, "m" + id))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).as("message %d", id).contains("\"outcome\" : \"stored\"");
            statuses.add(response.statusCode());
        }
        return statuses;
    }

    private void assertStoredOnce(String db) {
        JsonNode messages = run(dir, "--config", db + ".toml", "messages", "--chat", String.valueOf(CHAT), "--limit",
                "10000", "--json").exits(0).json();
        Set<String> ids = new HashSet<>();
        messages.forEach(message -> ids.add(message.path("messageId").asText()));
        assertThat(messages).hasSize(CLIENTS * PER_CLIENT);
        assertThat(ids).hasSize(CLIENTS * PER_CLIENT);
    }

    private static double sum(List<MetricsIT.Sample> samples, String name, String label, String value) {
        return samples.stream().filter(sample -> sample.name().equals(name) && value.equals(sample.labels().get(label)))
                .mapToDouble(MetricsIT.Sample::value).sum();
    }
}
