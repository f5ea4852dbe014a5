package dev.chatstore.host;

import com.sun.net.httpserver.HttpServer;
import dev.chatstore.host.telegram.UpdateIngester;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server behind {@code serve}: {@code POST /telegram/webhook} and {@code GET /health}, on a bounded
 * pool. When the pool and its queue are full the accepting thread runs the request itself, which stops it accepting
 * more until one finishes: back pressure instead of an unbounded queue.
 */
final class WebhookServer implements AutoCloseable {
    static final String WEBHOOK_PATH = "/telegram/webhook";
    static final String HEALTH_PATH = "/health";
    static final int THREADS = 4;
    static final int QUEUE = 64;
    static final int STOP_GRACE_SECONDS = 2;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private boolean stopped;

    private WebhookServer(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts the server.
     *
     * @param address the address to bind; port 0 picks a free port
     * @param secret  the webhook's secret token, or empty to accept every request
     * @throws IOException if the address cannot be bound
     */
    static WebhookServer start(InetSocketAddress address, UpdateIngester ingester, Optional<String> secret,
            HostRuntime runtime) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), task -> new Thread(task, "webhook-" + threads.incrementAndGet()),
                new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        server.createContext(WEBHOOK_PATH, new WebhookHandler(ingester, secret));
        server.createContext(HEALTH_PATH, new HealthHandler(runtime));
        server.start();
        return new WebhookServer(server, executor);
    }

    /** The bound address; with port 0 requested, the port the system picked. */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops accepting, lets requests in flight finish (up to a short grace period), stops the pool. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.stop(STOP_GRACE_SECONDS);
        executor.shutdown();
        try {
            executor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
