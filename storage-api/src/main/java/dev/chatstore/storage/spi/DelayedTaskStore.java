package dev.chatstore.storage.spi;

import java.time.Instant;
import java.util.List;

import static dev.chatstore.storage.spi.Access.READ;
import static dev.chatstore.storage.spi.Access.WRITE;
import static dev.chatstore.storage.spi.Route.DEFAULT;

/** Delayed tasks (table {@code delayed_tasks}). Part of {@link ChatStore}; see there for the common contract. */
public interface DelayedTaskStore {
    /**
     * Stores a pending task.
     *
     * @param id        non-null, unique
     * @param function  non-null
     * @param kwargs    non-null JSON object text
     * @param delayedTs non-null; stored as epoch seconds
     * @throws DuplicateKeyException if {@code id} is stored already; nothing is changed
     */
    @Operation(access = WRITE, route = DEFAULT)
    void addDelayedTask(String id, String function, String kwargs, Instant delayedTs);

    /** @return whether the task exists (and was changed) */
    @Operation(access = WRITE, route = DEFAULT)
    boolean updateDelayedTask(String id, boolean isDone);

    /** @return an unmodifiable list of tasks not done, earliest {@code delayedTs} first (then by id) */
    @Operation(access = READ, route = DEFAULT)
    List<DelayedTask> getPendingDelayedTasks();
}
