package dev.chatstore.host.telegram;

import static java.util.Objects.requireNonNull;

/**
 * What {@link UpdateIngester#ingestOne} did with one update.
 *
 * @param outcome what happened
 * @param detail  the reason for {@code MALFORMED}, {@code REFUSED} and {@code FAILED}, the ignored update kind for
 *                {@code IGNORED}; empty otherwise
 */
public record IngestResult(Outcome outcome, String detail) {
    public IngestResult {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(detail, "detail is null");
    }

    /** The fate of one update. Only {@link #FAILED} may succeed if delivered again. */
    public enum Outcome {
        /** The message was stored. */
        STORED,
        /** The message was stored already; nothing changed. */
        DUPLICATE,
        /** An edit of a stored message; the first stored version was kept. */
        EDITED,
        /** A kind that carries no message (callback_query, my_chat_member, ...). */
        IGNORED,
        /** Not a valid Update; nothing stored. */
        MALFORMED,
        /** The chat's source is readonly; nothing stored. */
        REFUSED,
        /** A storage failure; nothing stored for the message. */
        FAILED
    }
}
