package dev.chatstore.storage.spi;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** A cached summary (table {@code chat_summarization_cache}), keyed by {@link SummarizationKey#csid()}. */
public record ChatSummarization(SummarizationKey key, String summary, Instant createdAt, Instant updatedAt)
        implements ChatKeyed {
    public ChatSummarization {
        requireNonNull(key, "key is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        createdAt = Timestamps.seconds(createdAt);
        updatedAt = Timestamps.seconds(updatedAt);
    }

    @Override
    public long chatId() {
        return key.chatId();
    }

    /** The stored primary key. */
    public String csid() {
        return key.csid();
    }
}
