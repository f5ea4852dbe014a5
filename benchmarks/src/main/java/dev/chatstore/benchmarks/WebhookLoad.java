package dev.chatstore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small loopback load test of {@code serve}: N clients, each on one kept-alive connection, post M updates in all
 * (new messages, so every request is a write) and the harness prints requests per second and latency percentiles.
 * By default it starts the built host jar itself (a config with one SQLite source in a temporary folder, a copy of
 * the built SQLite plugin) and stops it with SIGTERM afterwards, once per arm: {@code [server] group-commit = false}
 * (one transaction per request) and {@code true}, in that order in each round, each on a fresh server and file, and
 * prints the ratio per round. {@code --url} aims it at a server that is already running (one arm).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.chatstore.benchmarks.WebhookLoad --clients 32 --requests 20000
 *   --group-commit G  on, off or both (default both: the two arms side by side)
 *   --rounds R        rounds of the arms (1..20, default 1)
 *   --synchronous S   the source's synchronous setting, normal (default) or full (a sync per commit)
 *   --clients N       concurrent keep-alive connections (1..256, default 1)
 *   --requests M      measured requests in all (1..1,000,000, default 2000)
 *   --warmup W        unmeasured requests first, by all clients (default 60000; its figures are printed apart)
 *   --url URL         an already running serve, e.g. http://127.0.0.1:8080 (then --secret S if it has one)
 *   --first-id I      the first message id (default 1); against a running server, above the last run's, or every
 *                     request is a duplicate and writes nothing
 *   --jar FILE        the host jar (default bot-host/target/bot-host.jar)
 *   --plugin-zip FILE the SQLite plugin (default plugins/storage-sqlite-plugin.zip)
 * </pre>
 */
public final class WebhookLoad {
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://\\S+)");

    private WebhookLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.url != null) {
            System.out.println(measure(options, options.url, "given server").format());
            return;
        }
        System.out.printf("WebhookLoad: %d clients, %d requests (+%d warm-up) per arm, %d round(s), group commit %s, "
                        + "synchronous %s; load average before: %s (nproc %d)%n", options.clients, options.requests,
                options.warmup, options.rounds, options.groupCommit, options.synchronous, loadAverage(),
                Runtime.getRuntime().availableProcessors());
        List<Boolean> arms = switch (options.groupCommit) {
            case "on" -> List.of(true);
            case "off" -> List.of(false);
            default -> List.of(false, true);
        };
        for (int round = 1; round <= options.rounds; round++) {
            Result off = null;
            Result on = null;
            for (boolean groupCommit : arms) {
                Result result = startAndMeasure(options, groupCommit);
                System.out.println(result.format());
                if (groupCommit) {
                    on = result;
                } else {
                    off = result;
                }
            }
            if (on != null && off != null) {
                System.out.printf("round %d: group commit %.0f requests/s (p99 %.2f ms), one transaction per request "
                                + "%.0f requests/s (p99 %.2f ms): %.2fx%n", round, on.perSecond, on.p99, off.perSecond,
                        off.p99, on.perSecond / off.perSecond);
            }
        }
        System.out.println("Load average after: " + loadAverage());
    }

    private static Result startAndMeasure(Options options, boolean groupCommit) throws Exception {
        Path folder = Files.createTempDirectory("chatstore-webhook-load-");
        Process host = null;
        try {
            host = startHost(options, folder, groupCommit);
            URI base = awaitListening(host, folder.resolve("serve.out"));
            return measure(options, base, groupCommit ? "group commit" : "one transaction per request");
        } finally {
            if (host != null) {
                host.destroy();
                if (!host.waitFor(60, TimeUnit.SECONDS)) {
                    host.destroyForcibly();
                }
            }
            deleteTree(folder);
        }
    }

    /** One arm's figures. */
    private record Result(String arm, int requests, double seconds, double perSecond, double p50, double p95,
                          double p99, double max, int non200) {
        String format() {
            return String.format("%s: %d requests in %.2f s: %.0f requests/s; latency ms p50 %.2f, p95 %.2f, "
                    + "p99 %.2f, max %.2f; non-200: %d", arm, requests, seconds, perSecond, p50, p95, p99, max, non200);
        }
    }

    /**
     * The warm-up, then the measured requests, both posted by all clients at once: a webhook server runs for days,
     * so the figure that counts is its steady state, not its first seconds (which the warm-up's own line shows).
     */
    private static Result measure(Options options, URI base, String arm) throws Exception {
        if (options.warmup > 0) {
            System.out.println(post(options, base, options.firstId, options.warmup, arm + " (warm-up, not counted)")
                    .format());
        }
        return post(options, base, options.firstId + options.warmup, options.requests, arm);
    }

    private static Result post(Options options, URI base, long firstId, int requests, String arm) throws Exception {
        long[] micros = new long[requests];
        int[] failures = new int[options.clients];
        int clients = Math.min(options.clients, requests);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            int id = client;
            running.add(pool.submit(() -> {
                try (KeepAliveClient connection = new KeepAliveClient(base, options.secret)) {
                    // Client k takes requests k, k + N, k + 2N, ...: an even share, no coordination.
                    for (int i = id; i < requests; i += clients) {
                        long sent = System.nanoTime();
                        int status = connection.post(update(firstId + i));
                        micros[i] = (System.nanoTime() - sent) / 1000;
                        if (status != 200) {
                            failures[id]++;
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> client : running) {
                client.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(micros);
        return new Result(arm, requests, seconds, requests / seconds, percentile(micros, 50),
                percentile(micros, 95), percentile(micros, 99), micros[micros.length - 1] / 1000.0,
                Arrays.stream(failures).sum());
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double percentile(long[] sortedMicros, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    /** A new text message in one group chat; ids never repeat within a run, so each request is one write. */
    private static byte[] update(long messageId) {
        return ("{\"update_id\":" + messageId + ",\"message\":{\"message_id\":" + messageId
                + ",\"from\":{\"id\":5123456789,\"is_bot\":false,\"first_name\":\"Anna\",\"username\":\"anna_kov\"},"
                + "\"chat\":{\"id\":-1009000000001,\"title\":\"Load\",\"type\":\"supergroup\"},"
                + "\"date\":1718870490,\"text\":\"load test message " + messageId + "\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Process startHost(Options options, Path folder, boolean groupCommit) throws IOException {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        Files.copy(options.pluginZip, plugins.resolve("storage-sqlite-plugin.zip"), StandardCopyOption.REPLACE_EXISTING);
        Path config = folder.resolve("load.toml");
        Files.writeString(config, """
                [plugins]
                dir = "plugins"

                [database]
                default = "primary"

                [database.sources.primary]
                path = "load.db"
                synchronous = "%s"

                [server]
                group-commit = %s
                """.formatted(options.synchronous, groupCommit));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                options.jar.toAbsolutePath().toString(), "--config", config.toString(), "serve", "--port", "0",
                "--secret", options.secret);
        return new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(folder.resolve("serve.out").toFile())
                .redirectError(folder.resolve("serve.err").toFile())
                .start();
    }

    private static URI awaitListening(Process host, Path out) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(Files.readString(out));
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
            if (!host.isAlive()) {
                throw new IllegalStateException("serve exited with " + host.exitValue() + ": "
                        + Files.readString(out.resolveSibling("serve.err")));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("serve did not print 'Listening on' within 60 s: "
                + Files.readString(out.resolveSibling("serve.err")));
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private record Options(int clients, int requests, int warmup, URI url, String secret, Path jar, Path pluginZip,
                           String groupCommit, int rounds, String synchronous, long firstId) {
        static Options parse(String[] args) {
            int clients = 1;
            int requests = 2000;
            int warmup = 60_000;
            String groupCommit = "both";
            int rounds = 1;
            String synchronous = "normal";
            long firstId = 1;
            URI url = null;
            String secret = "load-test-secret";
            Path jar = Path.of("bot-host/target/bot-host.jar");
            Path zip = Path.of("plugins/storage-sqlite-plugin.zip");
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--clients" -> clients = bounded("--clients", value, 1, 256);
                    case "--requests" -> requests = bounded("--requests", value, 1, 1_000_000);
                    case "--warmup" -> warmup = bounded("--warmup", value, 0, 1_000_000);
                    case "--url" -> url = URI.create(required("--url", value));
                    case "--first-id" -> firstId = bounded("--first-id", value, 1, 1_000_000_000);
                    case "--secret" -> secret = required("--secret", value);
                    case "--jar" -> jar = Path.of(required("--jar", value));
                    case "--plugin-zip" -> zip = Path.of(required("--plugin-zip", value));
                    case "--group-commit" -> {
                        groupCommit = required("--group-commit", value);
                        if (!List.of("on", "off", "both").contains(groupCommit)) {
                            throw new IllegalArgumentException("--group-commit must be on, off or both, was "
                                    + groupCommit);
                        }
                    }
                    case "--rounds" -> rounds = bounded("--rounds", value, 1, 20);
                    case "--synchronous" -> {
                        synchronous = required("--synchronous", value);
                        if (!List.of("normal", "full").contains(synchronous)) {
                            throw new IllegalArgumentException("--synchronous must be normal or full, was "
                                    + synchronous);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; see the javadoc of WebhookLoad for the options");
                }
                i++;
            }
            if (url == null && (!Files.isRegularFile(jar) || !Files.isRegularFile(zip))) {
                throw new IllegalArgumentException("the host jar " + jar.toAbsolutePath() + " or the plugin "
                        + zip.toAbsolutePath() + " is missing: build with mvn -B -q package -DskipTests, run from the "
                        + "repository, or pass --jar/--plugin-zip (or --url for a running server)");
            }
            return new Options(clients, requests, warmup, url, secret, jar, zip, groupCommit, rounds, synchronous,
                    firstId);
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }

        private static int bounded(String option, String value, int min, int max) {
            int number = Integer.parseInt(required(option, value));
            if (number < min || number > max) {
                throw new IllegalArgumentException(option + " must be " + min + ".." + max + ", was " + number);
            }
            return number;
        }
    }
}
