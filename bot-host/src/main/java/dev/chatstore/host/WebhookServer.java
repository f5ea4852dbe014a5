package dev.chatstore.host;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The HTTP server behind {@code serve}: Jetty's core API (no servlets) with the {@code [server]} settings. Reading
 * is asynchronous, so a client that sends half a request and stalls holds a socket, never a worker, and is closed
 * after the idle timeout. Threads and connections are bounded, and so are the updates waiting to be stored
 * ({@link WebhookHandler}). Responses are sent with TCP_NODELAY: with Nagle's algorithm a keep-alive client's delayed
 * ACK held every response back by about 40 ms. Keep-alive is HTTP/1.1's default.
 */
final class WebhookServer implements AutoCloseable {
    static final String WEBHOOK_PATH = "/telegram/webhook";
    static final String HEALTH_PATH = "/health";

    private final Server server;
    private final ServerConnector connector;
    private boolean stopped;

    private WebhookServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Binds and starts the server.
     *
     * @param address the address to bind; port 0 picks a free port
     * @param routes  what answers the requests, usually {@link WebhookRoutes}
     * @throws IOException if the address cannot be bound
     */
    static WebhookServer start(InetSocketAddress address, ServerSettings settings, Handler routes) throws IOException {
        // Jetty's job queue stays unbounded, as Jetty advises (a rejected internal job can strand a connection); the
        // work is bounded by max-connections here and by queue-size in WebhookHandler.
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), Math.min(4, settings.maxThreads()));
        threads.setName("webhook");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // One acceptor and one selector: plenty for a bot's webhook (Telegram opens at most 100 connections).
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(settings.maxConnections(), connector));
        // Counts requests in flight so that stop() lets them finish (up to stop-timeout) before the pools close.
        server.setHandler(new GracefulHandler(routes));
        server.setStopTimeout(settings.stopTimeout().toMillis());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server, e);
            throw e;
        } catch (Exception e) {
            stopQuietly(server, e);
            throw new IllegalStateException("Cannot start the HTTP server: " + e.getMessage(), e);
        }
        return new WebhookServer(server, connector);
    }

    /** The bound address; with port 0 requested, the port the system picked. */
    InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /**
     * Stops accepting, lets requests in flight finish (up to the stop timeout), then stops the threads. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Stopping the HTTP server failed: " + e.getMessage(), e);
        }
    }

    private static void stopQuietly(Server server, Exception cause) {
        try {
            server.stop();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
