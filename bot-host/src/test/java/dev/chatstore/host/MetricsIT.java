package dev.chatstore.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.chatstore.host.HostProcess.run;
import static dev.chatstore.host.HostProcess.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /metrics} of the running jar: after an update stored and one refused (its chat is mapped to a
 * readonly source), the scrape has the ingest counters, the chain's operation timers with their outcomes and the
 * pool and file gauges, each per source; {@code [metrics] port} moves the endpoint to a server of its own.
 */
class MetricsIT {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One sample line of the Prometheus text format. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    @Test
    void scrapeShowsIngestOperationsPoolsAndFilesPerSource(@TempDir Path dir) throws Exception {
        HostProcess.installPlugins(dir);
        run(dir, "--db", "data/archive.db", "--plugins", "plugins", "migrate").exits(0);
        write(dir.resolve("bot.toml"), config(""));

        HostProcess.Running server = HostProcess.start(dir, "--config", "bot.toml", "serve", "--port", "0");
        try {
            URI base = URI.create("http://127.0.0.1:" + ServeIT.awaitPort(server));
            assertThat(post(base, WebhookHandlerTest.update(4242, 1, "hello")).statusCode()).isEqualTo(200);
            assertThat(post(base, WebhookHandlerTest.update(OperatorCommandsIT.ARCHIVED_CHAT, 2, "archived"))
                    .statusCode()).isEqualTo(409);

            HttpResponse<String> scrape = get(base.resolve("/metrics"));
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValue(HostMetrics.CONTENT_TYPE);
            List<Sample> samples = parse(scrape.body());

            assertThat(value(samples, "chatstore_ingest_updates_total", Map.of("source", "primary",
                    "outcome", "stored"))).isEqualTo(1.0);
            assertThat(value(samples, "chatstore_ingest_updates_total", Map.of("source", "archive",
                    "outcome", "refused"))).isEqualTo(1.0);

            assertThat(sum(samples, "chatstore_operation_seconds_count", Map.of("source", "archive",
                    "outcome", "readonly", "access", "write"))).isGreaterThanOrEqualTo(1.0);
            assertThat(sum(samples, "chatstore_operation_seconds_count", Map.of("source", "primary",
                    "outcome", "ok", "access", "write"))).isGreaterThanOrEqualTo(1.0);
            assertThat(sum(samples, "chatstore_operation_seconds_count", Map.of("source", "archive",
                    "outcome", "ok", "access", "write"))).as("no write reached the readonly source").isZero();

            for (String source : List.of("primary", "archive")) {
                assertThat(value(samples, "hikaricp_connections_max", Map.of("pool", source))).isPositive();
                assertThat(value(samples, "hikaricp_connections_active", Map.of("pool", source))).isZero();
                assertThat(value(samples, "hikaricp_connections_pending", Map.of("pool", source))).isZero();
                assertThat(value(samples, "hikaricp_connections_idle", Map.of("pool", source)))
                        .isGreaterThanOrEqualTo(0.0);
                assertThat(value(samples, "hikaricp_connections_timeout_total", Map.of("pool", source))).isZero();
                assertThat(value(samples, "chatstore_sqlite_file_size_bytes", Map.of("source", source)))
                        .isPositive();
                assertThat(value(samples, "chatstore_sqlite_wal_size_bytes", Map.of("source", source)))
                        .isGreaterThanOrEqualTo(0.0);
            }
            assertThat(value(samples, "hikaricp_connections_acquire_seconds_count", Map.of("pool", "primary")))
                    .isPositive();

            assertThat(get(base.resolve("/health")).statusCode()).isEqualTo(200);
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(405);
        } finally {
            server.process().destroy();
        }
        HostProcess.Result stopped = server.await(Duration.ofSeconds(30));
        assertThat(stopped.err()).doesNotContain("Exception");
    }

    @Test
    void aMetricsPortServesMetricsApartFromTheWebhook(@TempDir Path dir) throws Exception {
        HostProcess.installPlugins(dir);
        run(dir, "--db", "data/archive.db", "--plugins", "plugins", "migrate").exits(0);
        int metricsPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            metricsPort = socket.getLocalPort();
        }
        write(dir.resolve("bot.toml"), config("""
                [metrics]
                port = %d
                bind = "127.0.0.1"
                """.formatted(metricsPort)));

        HostProcess.Running server = HostProcess.start(dir, "--config", "bot.toml", "serve", "--port", "0");
        try {
            URI base = URI.create("http://127.0.0.1:" + ServeIT.awaitPort(server));
            assertThat(post(base, WebhookHandlerTest.update(4242, 1, "hello")).statusCode()).isEqualTo(200);

            assertThat(get(base.resolve("/metrics")).statusCode()).isEqualTo(404);
            HttpResponse<String> scrape = get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(value(parse(scrape.body()), "chatstore_ingest_updates_total",
                    Map.of("source", "primary", "outcome", "stored"))).isEqualTo(1.0);
            assertThat(get(URI.create("http://127.0.0.1:" + metricsPort + "/health")).statusCode()).isEqualTo(404);
        } finally {
            server.process().destroy();
        }
        assertThat(server.await(Duration.ofSeconds(30)).err()).doesNotContain("Exception");
    }

    private static String config(String extra) {
        return """
                [plugins]
                dir = "plugins"

                [database]
                default = "primary"

                [database.sources.primary]
                path = "data/primary.db"

                [database.sources.archive]
                path = "data/archive.db"
                readonly = true

                [database.chatMapping]
                %d = "archive"

                %s""".formatted(OperatorCommandsIT.ARCHIVED_CHAT, extra);
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a Prometheus sample line: %s", line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return samples;
    }

    /** The one sample of {@code name} whose labels include {@code labels}. */
    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> matching = matching(samples, name, labels);
        assertThat(matching).as("%s%s in the scrape", name, labels).hasSize(1);
        return matching.get(0).value();
    }

    /** The sum over every sample of {@code name} whose labels include {@code labels} (0 when there is none). */
    private static double sum(List<Sample> samples, String name, Map<String, String> labels) {
        return matching(samples, name, labels).stream().mapToDouble(Sample::value).sum();
    }

    private static List<Sample> matching(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(sample -> sample.name().equals(name)
                && sample.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI base, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(WebhookServer.WEBHOOK_PATH))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
