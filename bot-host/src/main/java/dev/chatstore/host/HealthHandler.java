package dev.chatstore.host;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /health}: 200 when every source is healthy, 503 when any is not (so a load balancer or probe can act on
 * the code alone). Anyone learns {@code ok} or {@code degraded} per source name; the details ({@code sources}'s rows:
 * paths, pools, counts) only a caller presenting the webhook's secret, or, when no secret is configured, a caller on
 * this machine (loopback). Thread-safe.
 */
final class HealthHandler {
    private final Supplier<List<SourceRow>> sources;
    private final SecretToken secret;

    /** @param sources every configured source's current row, in config order; may throw when the storage fails */
    HealthHandler(Supplier<List<SourceRow>> sources, SecretToken secret) {
        this.sources = requireNonNull(sources, "sources is null");
        this.secret = requireNonNull(secret, "secret is null");
    }

    void handle(Request request, Response response, Callback callback) {
        List<SourceRow> rows;
        try {
            rows = sources.get();
        } catch (RuntimeException e) {
            HttpJson.send(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, mayShowDetails(request)
                    ? new Failing("degraded", Errors.oneLine(e)) : new Summary("degraded", List.of()));
            return;
        }
        boolean healthy = rows.stream().allMatch(row -> !Boolean.FALSE.equals(row.healthy()));
        String status = healthy ? "ok" : "degraded";
        int code = healthy ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503;
        if (mayShowDetails(request)) {
            HttpJson.send(response, callback, code, new Health(status, rows));
        } else {
            HttpJson.send(response, callback, code, new Summary(status, rows.stream()
                    .map(row -> new SourceHealth(row.name(), Boolean.FALSE.equals(row.healthy()) ? "degraded" : "ok"))
                    .toList()));
        }
    }

    private boolean mayShowDetails(Request request) {
        if (secret.configured()) {
            return secret.presentedBy(request.getHeaders().get(SecretToken.HEADER));
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress address && address.getAddress() != null
                && address.getAddress().isLoopbackAddress();
    }

    /** The body of {@code /health} for a caller allowed the details. */
    public record Health(String status, List<SourceRow> sources) {
    }

    /** The body of {@code /health} for everyone else: {@code ok} or {@code degraded} per source. */
    public record Summary(String status, List<SourceHealth> sources) {
    }

    /** One source in a {@link Summary}. */
    public record SourceHealth(String name, String status) {
    }

    /** The body when the sources cannot be listed at all. */
    public record Failing(String status, String error) {
    }
}
