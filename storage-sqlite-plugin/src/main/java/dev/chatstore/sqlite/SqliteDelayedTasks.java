package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.DelayedTask;
import dev.chatstore.storage.spi.DelayedTaskStore;
import dev.chatstore.storage.spi.DuplicateKeyException;

import java.time.Instant;
import java.util.List;

/** {@code delayed_tasks}: work a bot schedules for later. */
final class SqliteDelayedTasks implements DelayedTaskStore {
    private final JdbcSource source;

    SqliteDelayedTasks(JdbcSource source) {
        this.source = source;
    }

    @Override
    public void addDelayedTask(String id, String function, String kwargs, Instant delayedTs) {
        Instant now = SqliteTime.now();
        int inserted = source.write(s -> s.update("INSERT INTO delayed_tasks (id, delayed_ts, "
                + "function, kwargs, is_done, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", id, delayedTs.getEpochSecond(), function, kwargs, now, now));
        if (inserted == 0) {
            throw new DuplicateKeyException(String.format("Delayed task '%s' is already stored in source '%s' "
                    + "(%s); give every task a unique id.", id, source.name(), source.operation()));
        }
    }

    @Override
    public boolean updateDelayedTask(String id, boolean isDone) {
        return source.write(s -> s.update("UPDATE delayed_tasks SET is_done = ?, updated_at = ? "
                + "WHERE id = ?", isDone, SqliteTime.now(), id)) > 0;
    }

    @Override
    public List<DelayedTask> getPendingDelayedTasks() {
        return source.read(s -> s.queryList("SELECT id, delayed_ts, function, kwargs, "
                + "is_done, created_at, updated_at FROM delayed_tasks WHERE is_done = 0 ORDER BY delayed_ts, id",
                row -> new DelayedTask(row.getString(1), Instant.ofEpochSecond(row.getLong(2)), row.getString(3),
                        row.getString(4), row.getInt(5) != 0, SqliteRows.instant(row, 6),
                        SqliteRows.instant(row, 7))));
    }
}
