package dev.chatstore.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}: every source's status as JSON. 200 when all are healthy, 503 when any is not (so a load
 * balancer or probe can act on the code alone).
 */
final class HealthHandler implements HttpHandler {
    private final HostRuntime runtime;

    HealthHandler(HostRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                HttpJson.send(exchange, HttpURLConnection.HTTP_BAD_METHOD, Map.of("error", "use GET"));
                return;
            }
            List<SourceRow> sources;
            try {
                sources = runtime.config().sources().stream()
                        .map(source -> SourceRow.of(source, runtime.status(source.name())))
                        .toList();
            } catch (RuntimeException e) {
                HttpJson.send(exchange, HttpURLConnection.HTTP_UNAVAILABLE,
                        Map.of("status", "failing", "error", Errors.oneLine(e)));
                return;
            }
            boolean healthy = sources.stream().allMatch(source -> !Boolean.FALSE.equals(source.healthy()));
            HttpJson.send(exchange, healthy ? HttpURLConnection.HTTP_OK : HttpURLConnection.HTTP_UNAVAILABLE,
                    new Health(healthy ? "ok" : "failing", sources));
        }
    }

    /** The body of {@code /health}. */
    public record Health(String status, List<SourceRow> sources) {
    }
}
