package dev.chatstore.host;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@code serve}'s routes, matched exactly (no prefixes, no trailing slash): {@code POST} on the webhook paths,
 * {@code GET /health} and, unless turned off or moved to its own port, {@code GET /metrics}; any other path is 404,
 * another method on a known path 405 with {@code Allow}. Thread-safe.
 */
final class WebhookRoutes extends Handler.Abstract {
    private final Set<String> webhookPaths;
    private final WebhookHandler webhook;
    private final HealthHandler health;
    private final MetricsHandler metrics;

    WebhookRoutes(Set<String> webhookPaths, WebhookHandler webhook, HealthHandler health) {
        this(webhookPaths, webhook, health, null);
    }

    /** @param metrics what answers {@code GET /metrics}; null: the path is unknown here (404) */
    WebhookRoutes(Set<String> webhookPaths, WebhookHandler webhook, HealthHandler health, MetricsHandler metrics) {
        this.webhookPaths = Set.copyOf(webhookPaths);
        this.webhook = requireNonNull(webhook, "webhook is null");
        this.health = requireNonNull(health, "health is null");
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (webhookPaths.contains(path)) {
            if ("POST".equals(method)) {
                webhook.handle(request, response, callback);
            } else {
                wrongMethod(request, response, callback, "POST", "use POST with one Update as the JSON body");
            }
        } else if (WebhookServer.HEALTH_PATH.equals(path)) {
            if ("GET".equals(method)) {
                health.handle(request, response, callback);
            } else {
                wrongMethod(request, response, callback, "GET", "use GET");
            }
        } else if (metrics != null && MetricsSettings.PATH.equals(path)) {
            if ("GET".equals(method)) {
                metrics.send(response, callback);
            } else {
                wrongMethod(request, response, callback, "GET", "use GET");
            }
        } else {
            refuse(request, response, callback, HttpStatus.NOT_FOUND_404,
                    WebhookResponse.failure("not-found", "no such path; the webhook is POST "
                            + WebhookServer.WEBHOOK_PATH + ", the health check GET " + WebhookServer.HEALTH_PATH));
        }
        return true;
    }

    private static void wrongMethod(Request request, Response response, Callback callback, String allowed,
            String advice) {
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        refuse(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, WebhookResponse.failure("rejected", advice));
    }

    /**
     * Answers without reading the body. When there is one, the connection is closed after the answer: the rest of
     * the body may still be on its way, and a client reusing the connection would have its next request mixed up.
     */
    private static void refuse(Request request, Response response, Callback callback, int status, Object body) {
        // getLength() is -1 both for no body and for a chunked one.
        if (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            HttpJson.sendAndClose(response, callback, status, body);
        } else {
            HttpJson.send(response, callback, status, body);
        }
    }
}
