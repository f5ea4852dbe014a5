package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.DelayedTask;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code delayed_tasks}. Not thread-safe: {@link InMemoryChatStore} guards it. */
final class DelayedTaskTable {
    private static final Comparator<DelayedTask> DUE_FIRST = Comparator.comparing(DelayedTask::delayedTs)
            .thenComparing(DelayedTask::id, CodePointOrder.INSTANCE);

    private final Map<String, DelayedTask> rows = new HashMap<>();

    boolean contains(String id) {
        return rows.containsKey(id);
    }

    void insert(String id, String function, String kwargs, Instant delayedTs, Instant now) {
        rows.put(id, new DelayedTask(id, delayedTs, function, kwargs, false, now, now));
    }

    boolean update(String id, boolean isDone, Instant now) {
        return rows.computeIfPresent(id, (key, task) -> new DelayedTask(id, task.delayedTs(), task.function(),
                task.kwargs(), isDone, task.createdAt(), now)) != null;
    }

    List<DelayedTask> pending() {
        return rows.values().stream().filter(task -> !task.isDone()).sorted(DUE_FIRST).toList();
    }
}
