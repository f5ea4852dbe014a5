package dev.chatstore.host;

import dev.chatstore.host.telegram.GroupCommit;
import dev.chatstore.host.telegram.UpdateIngester;
import dev.chatstore.storage.routing.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: the Telegram webhook and a health endpoint over HTTP, until SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Receives Telegram updates as a bot's webhook: POST /telegram/webhook (one Update per request) "
                + "and GET /health (per-source status as JSON).",
            "Prints 'Listening on http://ADDR:PORT' on stdout once ready. Stops cleanly on SIGTERM or Ctrl-C: "
                    + "finishes requests in flight, closes every pool, unloads the plugins.",
            "Webhook status codes: 200 stored/duplicate/edited/ignored, 400 malformed, 401 bad secret, "
                    + "409 chat routed to a readonly source, 413 body too large, 500 storage failure, 503 busy (resend).",
            "Threads, queue, timeouts, body size and group commit: the config's [server] table; a second webhook path: "
                    + "[telegram] webhook-path.",
            "GET /metrics: Prometheus text (pools, operations, fan-out, ingest, SQLite file sizes); the config's "
                    + "[metrics] table turns it off (enabled = false) or moves it to its own port (port, bind)."})
final class ServeCommand extends HostSubcommand {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on (default: ${DEFAULT-VALUE}); 0 picks a free one.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--secret", paramLabel = "S",
            description = "Require this X-Telegram-Bot-Api-Secret-Token, " + SecretToken.RULE
                    + " (default: the config's [telegram] secret-token).")
    String secret;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw UsageError.of(spec, "--port must be 0..65535, was " + port);
        }
        if (secret != null && !SecretToken.valid(secret)) {
            throw UsageError.of(spec, "--secret must be " + SecretToken.RULE
                    + " (what Telegram's setWebhook accepts as secret_token)");
        }
        InetAddress address = address();
        HostSetup setup = setup();
        MetricsSettings metricsSettings = setup.settings().metrics();
        // Before the storage opens, so the pools and the chain record into it from their first call.
        HostMetrics metrics = metricsSettings.enabled() ? HostMetrics.start() : null;
        HostRuntime runtime;
        try {
            runtime = HostRuntime.start(setup);
        } catch (RuntimeException | Error e) {
            closeMetrics(metrics);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        WebhookServer server;
        WebhookServer metricsServer = null;
        MappingReloader reloader = null;
        GroupCommit commits = null;
        try {
            Storage storage = runtime.storage();
            HostSettings settings = runtime.setup().settings();
            Optional<String> token = Optional.ofNullable(secret).or(settings::secretToken);
            SecretToken secretToken = SecretToken.of(token);
            UpdateIngester ingester = new UpdateIngester(storage, chatId -> storage.config().sourceNameForChat(chatId));
            Set<String> webhookPaths = new LinkedHashSet<>(List.of(WebhookServer.WEBHOOK_PATH));
            settings.webhookPath().ifPresent(webhookPaths::add);
            ServerSettings serverSettings = settings.server();
            if (serverSettings.groupCommit()) {
                commits = new GroupCommit(storage, chatId -> storage.config().sourceNameForChat(chatId),
                        Math.min(GroupCommit.DEFAULT_MAX_BATCH, serverSettings.queueSize()));
            }
            WebhookRoutes routes = new WebhookRoutes(webhookPaths,
                    new WebhookHandler(ingester, commits, secretToken,
                            serverSettings.maxBodyBytes(), serverSettings.queueSize()),
                    new HealthHandler(() -> runtime.config().sources().stream()
                            .map(source -> SourceRow.of(source, runtime.status(source.name()))).toList(), secretToken),
                    metrics != null && !metricsSettings.separatePort() ? new MetricsHandler(metrics::scrape) : null);
            if (metricsSettings.separatePort()) {
                InetSocketAddress metricsAddress = metricsAddress(metricsSettings, address);
                try {
                    metricsServer = WebhookServer.start(metricsAddress, settings.server(),
                            new MetricsHandler(metrics::scrape));
                } catch (IOException e) {
                    throw new HostFailure(ExitCode.FAILED, "Cannot listen on " + metricsAddress + " for metrics ("
                            + "[metrics] port): " + e.getMessage() + "; pick another port or stop the process using it");
                }
                log.info("Metrics: GET http://{}:{}{}", metricsServer.address().getHostString(),
                        metricsServer.address().getPort(), MetricsSettings.PATH);
            }
            // Before the port opens: a move-chat must find this serve's acknowledgement before it can write anything.
            GroupCommit grouped = commits;
            Runnable awaitWritesUnderOldMapping = () -> {
                ingester.awaitCallsInFlight();
                if (grouped != null) {
                    grouped.awaitWritesInFlight();
                }
            };
            reloader = runtime.setup().choice().config()
                    .map(file -> MappingReloader.start(file, runtime, awaitWritesUnderOldMapping)).orElse(null);
            server = WebhookServer.start(new InetSocketAddress(address, port), settings.server(), routes);
            ServerSettings limits = settings.server();
            log.info("HTTP server: {} threads, {} connections and {} waiting updates at most, idle timeout {} ms, "
                    + "bodies up to {} bytes, stop timeout {} ms, group commit {}", limits.maxThreads(),
                    limits.maxConnections(), limits.queueSize(), limits.idleTimeout().toMillis(),
                    limits.maxBodyBytes(), limits.stopTimeout().toMillis(), limits.groupCommit() ? "on" : "off");
            if (token.isEmpty() && !address.isLoopbackAddress()) {
                log.warn("No secret token set and bound to {}: anyone who reaches this port can write updates; "
                        + "set --secret or [telegram] secret-token", bind);
            }
        } catch (IOException e) {
            closeQuietly(metricsServer);
            closeQuietly(reloader);
            closeCommits(commits);
            runtime.close();
            closeMetrics(metrics);
            throw new HostFailure(ExitCode.FAILED, "Cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + "; pick another --port or stop the process using it");
        } catch (RuntimeException e) {
            closeQuietly(metricsServer);
            closeQuietly(reloader);
            closeCommits(commits);
            runtime.close();
            closeMetrics(metrics);
            throw e;
        }
        WebhookServer metricsToStop = metricsServer;
        MappingReloader watching = reloader;
        GroupCommit committing = commits;
        RuntimeShutdownHook.install("bot-host-serve-shutdown", () -> {
            log.info("Stopping: finishing requests in flight, then closing storage");
            if (watching != null) {
                watching.close();
            }
            try {
                server.close();
                closeQuietly(metricsToStop);
            } finally {
                try {
                    // After the server (requests in flight were answered) and before the pools: what is still
                    // queued (a request past stop-timeout) is stored too.
                    closeCommits(committing);
                    runtime.close();
                } finally {
                    closeMetrics(metrics);
                    stopped.countDown();
                }
            }
        });
        InetSocketAddress bound = server.address();
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        out().println("Listening on http://" + host + ":" + bound.getPort());
        out().flush();
        // The configured path often carries a secret: it is not logged.
        log.info("Webhook: POST http://{}:{}{}{}; health: GET http://{}:{}{}", host, bound.getPort(),
                WebhookServer.WEBHOOK_PATH, runtime.setup().settings().webhookPath().isPresent()
                        ? " and [telegram] webhook-path" : "", host, bound.getPort(), WebhookServer.HEALTH_PATH);
        stopped.await();
        return ExitCode.OK;
    }

    private InetSocketAddress metricsAddress(MetricsSettings settings, InetAddress webhookAddress) {
        if (settings.bind().isEmpty()) {
            return new InetSocketAddress(webhookAddress, settings.port().orElseThrow());
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(settings.bind().get()), settings.port().orElseThrow());
        } catch (UnknownHostException e) {
            throw new HostFailure(ExitCode.USAGE, "[metrics] bind: unknown address " + settings.bind().get());
        }
    }

    private static void closeQuietly(WebhookServer server) {
        if (server != null) {
            try {
                server.close();
            } catch (RuntimeException e) {
                log.warn("Stopping the metrics server failed: {}", e.getMessage());
            }
        }
    }

    private static void closeQuietly(MappingReloader reloader) {
        if (reloader != null) {
            reloader.close();
        }
    }

    private static void closeCommits(GroupCommit commits) {
        if (commits != null) {
            commits.close();
        }
    }

    private static void closeMetrics(HostMetrics metrics) {
        if (metrics != null) {
            metrics.close();
        }
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw UsageError.of(spec, "--bind: unknown address " + bind);
        }
    }
}
