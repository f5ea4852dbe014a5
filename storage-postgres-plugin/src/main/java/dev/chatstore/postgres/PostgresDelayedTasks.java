package dev.chatstore.postgres;

import dev.chatstore.storage.spi.DelayedTask;
import dev.chatstore.storage.spi.DelayedTaskStore;
import dev.chatstore.storage.spi.DuplicateKeyException;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@link DelayedTaskStore}: {@code delayed_tasks}. Thread-safe. */
final class PostgresDelayedTasks implements DelayedTaskStore {
    private final PostgresSource source;

    PostgresDelayedTasks(PostgresSource source) {
        this.source = source;
    }

    @Override
    public void addDelayedTask(String id, String function, String kwargs, Instant delayedTs) {
        requireNonNull(id, "id is null");
        requireNonNull(function, "function is null");
        requireNonNull(kwargs, "kwargs is null");
        requireNonNull(delayedTs, "delayedTs is null");
        Instant now = PostgresTime.now();
        int inserted = source.write("addDelayedTask", s -> s.update("INSERT INTO delayed_tasks (id, delayed_ts, "
                + "function, kwargs, is_done, created_at, updated_at) VALUES (?, ?, ?, ?, false, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", id, delayedTs.getEpochSecond(), function, kwargs, now, now));
        if (inserted == 0) {
            throw new DuplicateKeyException(String.format("Delayed task '%s' is already stored in source '%s' "
                    + "(addDelayedTask); give every task a unique id.", id, source.name()));
        }
    }

    @Override
    public boolean updateDelayedTask(String id, boolean isDone) {
        requireNonNull(id, "id is null");
        return source.write("updateDelayedTask", s -> s.update("UPDATE delayed_tasks SET is_done = ?, updated_at = ? "
                + "WHERE id = ?", isDone, PostgresTime.now(), id)) > 0;
    }

    @Override
    public List<DelayedTask> getPendingDelayedTasks() {
        return source.read("getPendingDelayedTasks", s -> s.queryList("SELECT id, delayed_ts, function, kwargs, "
                + "is_done, created_at, updated_at FROM delayed_tasks WHERE is_done = false ORDER BY delayed_ts, id",
                row -> new DelayedTask(row.getString(1), Instant.ofEpochSecond(row.getLong(2)), row.getString(3),
                        row.getString(4), row.getBoolean(5), PostgresTime.instant(row, 6),
                        PostgresTime.instant(row, 7))));
    }
}
