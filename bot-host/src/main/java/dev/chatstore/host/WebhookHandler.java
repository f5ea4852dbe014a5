package dev.chatstore.host;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.chatstore.host.telegram.GroupCommit;
import dev.chatstore.host.telegram.IngestResult;
import dev.chatstore.host.telegram.UpdateIngester;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * {@code POST /telegram/webhook}: one Telegram {@code Update} per request, as the Bot API delivers to a webhook.
 *
 * <p>Status codes: 200 stored, duplicate, edited or ignored (Telegram must not resend); 400 malformed: not valid
 * UTF-8, not exactly one JSON value, or not a valid update; 401 missing or wrong
 * {@code X-Telegram-Bot-Api-Secret-Token} when a secret is configured, answered from the headers before any of the
 * body is read; 408 the body did not arrive within the idle timeout; 409 the chat's source is readonly (the update is
 * well-formed but conflicts with the configuration: resending cannot help until the config changes); 413 body over
 * the configured maximum; 500 storage failure (a resend may succeed); 503 more than {@code queue-size} updates
 * already waiting to be stored (with {@code Retry-After}; Telegram resends). Routing and the method are checked by
 * {@link WebhookRoutes}.
 *
 * <p>With a {@link GroupCommit} (the default, {@code [server] group-commit = true}), an update is queued for its
 * source's writer and the response sent, from a worker thread, once the transaction that stored it has committed;
 * concurrent updates share that transaction. Without one, each update is stored on the request's thread in its own
 * transactions ({@link UpdateIngester#ingestOne}). Either way the status is the same for the same update.
 *
 * <p>Thread-safe: the body is read asynchronously and the update stored on a worker thread (or the group commit's
 * writer); the ingester, or each source's writer, serialises the writes.
 */
final class WebhookHandler {
    static final String SECRET_HEADER = SecretToken.HEADER;
    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
    // Exactly one value per body, as ingest takes exactly one per line: "{update} {update}" is not two deliveries.
    private static final ObjectReader ONE_VALUE = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    // Nearly every response is one of these four: built once instead of by Jackson per request.
    private static final Map<IngestResult.Outcome, byte[]> SUCCESS = successBodies();

    private final UpdateIngester ingester;
    private final GroupCommit commits;
    private final SecretToken secret;
    private final int maxBodyBytes;
    private final Semaphore queue;

    /**
     * @param queueSize updates waiting to be stored at most, the one being stored included; one more is answered 503
     */
    WebhookHandler(UpdateIngester ingester, SecretToken secret, int maxBodyBytes, int queueSize) {
        this(ingester, null, secret, maxBodyBytes, queueSize);
    }

    /**
     * @param commits where updates are queued for a shared commit; null: each is stored alone by {@code ingester}
     */
    WebhookHandler(UpdateIngester ingester, GroupCommit commits, SecretToken secret, int maxBodyBytes,
                   int queueSize) {
        this.ingester = requireNonNull(ingester, "ingester is null");
        this.commits = commits;
        this.secret = requireNonNull(secret, "secret is null");
        this.maxBodyBytes = maxBodyBytes;
        this.queue = new Semaphore(queueSize);
    }

    void handle(Request request, Response response, Callback callback) {
        if (!secret.admits(request.getHeaders().get(SECRET_HEADER))) {
            HttpJson.sendAndClose(response, callback, HttpStatus.UNAUTHORIZED_401,
                    WebhookResponse.failure("unauthorized", "missing or wrong " + SECRET_HEADER + " header"));
            return;
        }
        if (request.getLength() > maxBodyBytes) {
            tooLarge(response, callback);
            return;
        }
        RequestBody.read(request, maxBodyBytes, new RequestBody.Listener() {
            @Override
            public void onBody(byte[] body) {
                store(body, response, callback);
            }

            @Override
            public void onTooLarge() {
                tooLarge(response, callback);
            }

            @Override
            public void onFailure(Throwable failure) {
                HttpJson.sendAndClose(response, callback, HttpStatus.REQUEST_TIMEOUT_408, WebhookResponse.failure(
                        "malformed", "the body was not received: " + Errors.oneLine(failure)));
            }
        });
    }

    private void tooLarge(Response response, Callback callback) {
        HttpJson.sendAndClose(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                WebhookResponse.failure("malformed", "body larger than " + maxBodyBytes + " bytes"));
    }

    private void store(byte[] body, Response response, Callback callback) {
        try {
            String text;
            try {
                text = strictUtf8(body);
            } catch (CharacterCodingException e) {
                HttpJson.send(response, callback, HttpStatus.BAD_REQUEST_400,
                        WebhookResponse.failure("malformed", e.getMessage()));
                return;
            }
            JsonNode update;
            try {
                update = ONE_VALUE.readTree(text);
            } catch (JacksonException e) {
                HttpJson.send(response, callback, HttpStatus.BAD_REQUEST_400, WebhookResponse.failure("malformed",
                        "not one JSON value: " + Errors.oneLine(e.getOriginalMessage())));
                return;
            }
            if (update == null || update.isMissingNode()) {
                HttpJson.send(response, callback, HttpStatus.BAD_REQUEST_400,
                        WebhookResponse.failure("malformed", "empty body; expected one Update object"));
                return;
            }
            if (!queue.tryAcquire()) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, 1);
                HttpJson.send(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, WebhookResponse.failure("busy",
                        "too many updates waiting to be stored; resend later"));
                return;
            }
            if (commits != null) {
                CompletableFuture<IngestResult> result;
                try {
                    result = commits.submit(update);
                } catch (RuntimeException e) {
                    queue.release();
                    throw e;
                }
                // Answered on the thread that completes the future (the source's writer, right after the commit):
                // Jetty's write does not block, and on two cores a hand-off to a worker per response cost more.
                result.whenComplete((stored, failure) -> {
                    queue.release();
                    if (failure == null) {
                        respond(response, callback, stored);
                    } else {
                        failed(response, callback, failure);
                    }
                });
                return;
            }
            IngestResult result;
            try {
                result = ingester.ingestOne(update);
            } finally {
                queue.release();
            }
            respond(response, callback, result);
        } catch (RuntimeException e) {
            log.error("Webhook update failed: {}", e.toString(), e);
            HttpJson.send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                    WebhookResponse.failure("failed", Errors.oneLine(e)));
        }
    }

    private static void failed(Response response, Callback callback, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RejectedExecutionException) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, 1);
            HttpJson.send(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, WebhookResponse.failure("busy",
                    Errors.oneLine(cause)));
            return;
        }
        log.error("Webhook update failed: {}", cause.toString(), cause);
        HttpJson.send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                WebhookResponse.failure("failed", Errors.oneLine(cause)));
    }

    private static void respond(Response response, Callback callback, IngestResult result) {
        switch (result.outcome()) {
            case STORED, DUPLICATE, EDITED, IGNORED -> HttpJson.sendBytes(response, callback, HttpStatus.OK_200,
                    SUCCESS.get(result.outcome()));
            case MALFORMED -> HttpJson.send(response, callback, HttpStatus.BAD_REQUEST_400,
                    WebhookResponse.failure(tag(result.outcome()), result.detail()));
            case REFUSED -> {
                log.warn("Webhook update refused: {}", result.detail());
                HttpJson.send(response, callback, HttpStatus.CONFLICT_409,
                        WebhookResponse.failure(tag(result.outcome()), result.detail()));
            }
            case FAILED -> {
                log.error("Webhook update not stored: {}", result.detail());
                HttpJson.send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                        WebhookResponse.failure(tag(result.outcome()), result.detail()));
            }
        }
    }

    private static String tag(IngestResult.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    private static Map<IngestResult.Outcome, byte[]> successBodies() {
        Map<IngestResult.Outcome, byte[]> bodies = new EnumMap<>(IngestResult.Outcome.class);
        for (IngestResult.Outcome outcome : List.of(IngestResult.Outcome.STORED, IngestResult.Outcome.DUPLICATE,
                IngestResult.Outcome.EDITED, IngestResult.Outcome.IGNORED)) {
            bodies.put(outcome, HttpJson.bytes(WebhookResponse.success(tag(outcome))));
        }
        return bodies;
    }

    /**
     * Decodes the body as UTF-8, refusing invalid bytes rather than storing replacement characters.
     *
     * @throws CharacterCodingException naming the byte offset of the first invalid sequence
     */
    static String strictUtf8(byte[] body) throws CharacterCodingException {
        CharsetDecoder decoder = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new CharacterCodingException() {
                @Override
                public String getMessage() {
                    return "not valid UTF-8 at byte " + in.position();
                }
            };
        }
        return out.flip().toString();
    }
}
