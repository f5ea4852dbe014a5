package dev.chatstore.host;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chatstore.storage.routing.RouteDecision;
import dev.chatstore.storage.routing.RouteReason;
import dev.chatstore.storage.spi.ReadOnlySourceException;

import java.util.Locale;

/**
 * The answer of {@code route}: which source serves a chat and why, and with {@code --write} whether a write would
 * pass the readonly guard.
 *
 * @param reason       {@code explicit}, {@code mapping} or {@code default}
 * @param writeAllowed with {@code --write}: whether a write would be allowed; null without it
 * @param refusal      the guard's refusal message when a write would be refused, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteView(long chatId, String source, String reason, boolean readonly, Boolean writeAllowed,
                        String refusal) {
    /** The operation named in the refusal message: any write meets the same guard. */
    static final String WRITE_OPERATION = "write";

    static RouteView of(long chatId, RouteDecision decision, boolean askWrite) {
        String reason = decision.reason().name().toLowerCase(Locale.ROOT);
        if (!askWrite) {
            return new RouteView(chatId, decision.sourceName(), reason, decision.readonly(), null, null);
        }
        String refusal = decision.readonly()
                ? new ReadOnlySourceException(decision.sourceName(), WRITE_OPERATION).getMessage()
                : null;
        return new RouteView(chatId, decision.sourceName(), reason, decision.readonly(), !decision.readonly(), refusal);
    }

    /** The readable form: the route, then the write verdict when asked. */
    String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("chat %d -> source '%s' (%s), %s%n", chatId, source, explain(reason),
                readonly ? "readonly" : "writable"));
        if (writeAllowed != null) {
            out.append(writeAllowed ? "write: allowed" : "write: refused: " + refusal).append('\n');
        }
        return out.toString();
    }

    private static String explain(String reason) {
        return switch (RouteReason.valueOf(reason.toUpperCase(Locale.ROOT))) {
            case EXPLICIT -> "explicit source";
            case MAPPING -> "chatMapping";
            case DEFAULT -> "default source, no mapping";
        };
    }
}
