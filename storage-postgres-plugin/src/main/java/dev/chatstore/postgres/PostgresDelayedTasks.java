package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.DelayedTask;
import dev.chatstore.storage.spi.DelayedTaskStore;
import dev.chatstore.storage.spi.DuplicateKeyException;

import java.time.Instant;
import java.util.List;

/** {@link DelayedTaskStore}: {@code delayed_tasks}. Thread-safe. */
final class PostgresDelayedTasks implements DelayedTaskStore {
    private final JdbcSource source;
    private final PostgresReads reads;

    PostgresDelayedTasks(PostgresReads reads) {
        this.source = reads.source();
        this.reads = reads;
    }

    @Override
    public void addDelayedTask(String id, String function, String kwargs, Instant delayedTs) {
        Instant now = PostgresTime.now();
        int inserted = source.write(s -> s.update("INSERT INTO delayed_tasks (id, delayed_ts, "
                + "function, kwargs, is_done, created_at, updated_at) VALUES (?, ?, ?, ?, false, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", id, delayedTs.getEpochSecond(), function, kwargs, now, now));
        if (inserted == 0) {
            throw new DuplicateKeyException(String.format("Delayed task '%s' is already stored in source '%s' "
                    + "(addDelayedTask); give every task a unique id.", id, source.name()));
        }
    }

    @Override
    public boolean updateDelayedTask(String id, boolean isDone) {
        return source.write(s -> s.update("UPDATE delayed_tasks SET is_done = ?, updated_at = ? "
                + "WHERE id = ?", isDone, PostgresTime.now(), id)) > 0;
    }

    @Override
    public List<DelayedTask> getPendingDelayedTasks() {
        return reads.read(List.of(), s -> s.queryList("SELECT id, delayed_ts, function, kwargs, "
                + "is_done, created_at, updated_at FROM delayed_tasks WHERE is_done = false ORDER BY delayed_ts, id",
                row -> new DelayedTask(row.getString(1), Instant.ofEpochSecond(row.getLong(2)), row.getString(3),
                        row.getString(4), row.getBoolean(5), PostgresTime.instant(row, 6),
                        PostgresTime.instant(row, 7))));
    }
}
