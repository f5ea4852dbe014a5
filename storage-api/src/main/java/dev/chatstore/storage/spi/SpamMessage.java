package dev.chatstore.storage.spi;

import static java.util.Objects.requireNonNull;

/**
 * A spam or ham sample (tables {@code spam_messages} and {@code ham_messages}), keyed by
 * (chat id, user id, message id).
 *
 * @param score classifier score, or 1.0 for a manual decision
 */
public record SpamMessage(long chatId, long userId, String messageId, String text, SpamReason reason, double score)
        implements ChatKeyed {
    public SpamMessage {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(text, "text is null");
        requireNonNull(reason, "reason is null");
    }
}
