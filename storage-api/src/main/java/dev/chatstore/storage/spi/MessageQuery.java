package dev.chatstore.storage.spi;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Filters for {@link MessageStore#getChatMessages}. Every filter is optional; results are newest first.
 *
 * @param since      only messages with {@code date > since} (exclusive), or null
 * @param till       only messages with {@code date < till} (exclusive), or null
 * @param threadId   only this thread (0 is the main thread), or null for every thread
 * @param categories only these categories; empty means every category
 * @param limit      at most this many (positive), or null for no limit
 */
public record MessageQuery(Instant since, Instant till, Long threadId, Set<MessageCategory> categories, Integer limit) {
    public MessageQuery {
        categories = categories == null || categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        since = Timestamps.seconds(since);
        till = Timestamps.seconds(till);
    }

    /** Every message of the chat, newest first. */
    public static MessageQuery all() {
        return new MessageQuery(null, null, null, Set.of(), null);
    }

    /** The newest {@code limit} messages. */
    public static MessageQuery latest(int limit) {
        return new MessageQuery(null, null, null, Set.of(), limit);
    }

    public MessageQuery withSince(Instant since) {
        return new MessageQuery(since, till, threadId, categories, limit);
    }

    public MessageQuery withTill(Instant till) {
        return new MessageQuery(since, till, threadId, categories, limit);
    }

    public MessageQuery withThreadId(Long threadId) {
        return new MessageQuery(since, till, threadId, categories, limit);
    }

    public MessageQuery withCategories(Set<MessageCategory> categories) {
        return new MessageQuery(since, till, threadId, categories, limit);
    }

    public MessageQuery withLimit(Integer limit) {
        return new MessageQuery(since, till, threadId, categories, limit);
    }
}
