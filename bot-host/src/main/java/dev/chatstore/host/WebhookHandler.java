package dev.chatstore.host;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.chatstore.host.telegram.IngestResult;
import dev.chatstore.host.telegram.UpdateIngester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * {@code POST /telegram/webhook}: one Telegram {@code Update} per request, as the Bot API delivers to a webhook.
 *
 * <p>Status codes: 200 stored, duplicate, edited or ignored (Telegram must not resend); 400 malformed update;
 * 401 missing or wrong {@code X-Telegram-Bot-Api-Secret-Token} when a secret is configured; 405 not a POST;
 * 409 the chat's source is readonly (the update is well-formed but conflicts with the configuration: resending
 * cannot help until the config changes); 413 body over 1 MiB; 500 storage failure (a resend may succeed).
 */
final class WebhookHandler implements HttpHandler {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    static final int MAX_BODY_BYTES = 1 << 20;
    static final int CONFLICT = HttpURLConnection.HTTP_CONFLICT;
    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

    private final UpdateIngester ingester;
    private final Optional<byte[]> secret;

    WebhookHandler(UpdateIngester ingester, Optional<String> secret) {
        this.ingester = ingester;
        this.secret = secret.map(token -> token.getBytes(UTF_8));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                HttpJson.send(exchange, HttpURLConnection.HTTP_BAD_METHOD,
                        WebhookResponse.failure("rejected", "use POST with one Update as the JSON body"));
                return;
            }
            if (!authorized(exchange.getRequestHeaders().getFirst(SECRET_HEADER))) {
                HttpJson.send(exchange, HttpURLConnection.HTTP_UNAUTHORIZED,
                        WebhookResponse.failure("unauthorized", "missing or wrong " + SECRET_HEADER + " header"));
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                HttpJson.send(exchange, HttpURLConnection.HTTP_ENTITY_TOO_LARGE,
                        WebhookResponse.failure("malformed", "body larger than " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            JsonNode update;
            try {
                update = Json.MAPPER.readTree(body);
            } catch (JacksonException e) {
                HttpJson.send(exchange, HttpURLConnection.HTTP_BAD_REQUEST,
                        WebhookResponse.failure("malformed", "not JSON: " + Errors.oneLine(e.getOriginalMessage())));
                return;
            }
            if (update == null || update.isMissingNode()) {
                HttpJson.send(exchange, HttpURLConnection.HTTP_BAD_REQUEST,
                        WebhookResponse.failure("malformed", "empty body; expected one Update object"));
                return;
            }
            respond(exchange, ingester.ingestOne(update));
        } catch (RuntimeException e) {
            log.error("Webhook update failed: {}", e.toString(), e);
            HttpJson.send(exchange, HttpURLConnection.HTTP_INTERNAL_ERROR,
                    WebhookResponse.failure("failed", Errors.oneLine(e)));
        }
    }

    private void respond(HttpExchange exchange, IngestResult result) throws IOException {
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        switch (result.outcome()) {
            case STORED, DUPLICATE, EDITED, IGNORED -> HttpJson.send(exchange, HttpURLConnection.HTTP_OK,
                    WebhookResponse.success(outcome));
            case MALFORMED -> HttpJson.send(exchange, HttpURLConnection.HTTP_BAD_REQUEST,
                    WebhookResponse.failure(outcome, result.detail()));
            case REFUSED -> {
                log.warn("Webhook update refused: {}", result.detail());
                HttpJson.send(exchange, CONFLICT, WebhookResponse.failure(outcome, result.detail()));
            }
            case FAILED -> {
                log.error("Webhook update not stored: {}", result.detail());
                HttpJson.send(exchange, HttpURLConnection.HTTP_INTERNAL_ERROR,
                        WebhookResponse.failure(outcome, result.detail()));
            }
        }
    }

    private boolean authorized(String given) {
        if (secret.isEmpty()) {
            return true;
        }
        // Constant-time, so the response time does not tell how much of a guessed token was right.
        return given != null && MessageDigest.isEqual(secret.get(), given.getBytes(UTF_8));
    }

    /** The body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }
}
