package dev.chatstore.host;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.function.Supplier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * {@code GET /metrics}: the registry in Prometheus text format. Used by {@link WebhookRoutes} on the webhook's port,
 * or on its own as the handler of the separate metrics server ({@code [metrics] port}). Thread-safe.
 */
final class MetricsHandler extends Handler.Abstract {
    private final Supplier<String> scrape;

    /** @param scrape renders the registry; called once per request, on a server thread */
    MetricsHandler(Supplier<String> scrape) {
        this.scrape = requireNonNull(scrape, "scrape is null");
    }

    /** Answers {@code /metrics} only: other paths 404, other methods 405, like the webhook's routes. */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!MetricsSettings.PATH.equals(Request.getPathInContext(request))) {
            HttpJson.send(response, callback, HttpStatus.NOT_FOUND_404,
                    WebhookResponse.failure("not-found", "no such path; metrics are GET " + MetricsSettings.PATH));
        } else if (!"GET".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            HttpJson.send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    WebhookResponse.failure("rejected", "use GET"));
        } else {
            send(response, callback);
        }
        return true;
    }

    void send(Response response, Callback callback) {
        byte[] bytes = scrape.get().getBytes(UTF_8);
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, HostMetrics.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
