package dev.chatstore.storage.spi;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A task to run later (table {@code delayed_tasks}).
 *
 * @param delayedTs when it is due, whole seconds (stored as epoch seconds)
 * @param function  the name of the function to call
 * @param kwargs    its arguments as a JSON object text
 */
public record DelayedTask(String id, Instant delayedTs, String function, String kwargs, boolean isDone,
                          Instant createdAt, Instant updatedAt) {
    public DelayedTask {
        requireNonNull(id, "id is null");
        requireNonNull(delayedTs, "delayedTs is null");
        requireNonNull(function, "function is null");
        requireNonNull(kwargs, "kwargs is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        delayedTs = Timestamps.seconds(delayedTs);
        createdAt = Timestamps.seconds(createdAt);
        updatedAt = Timestamps.seconds(updatedAt);
    }
}
