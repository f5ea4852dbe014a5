package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.MaintenanceListener;
import dev.chatstore.storage.spi.MaintenanceRequest;
import dev.chatstore.storage.spi.MaintenanceResult;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.StorageException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code maintain} on one SQLite source: a WAL checkpoint that truncates the {@code -wal} file, {@code ANALYZE} for
 * the query planner, and on request {@code VACUUM INTO} a compacted copy (progress: the copy's size against the
 * source's, sampled twice a second). Stateless.
 */
final class SqliteMaintenance {
    static final String OPERATION = "maintain";
    static final int CHECKPOINT_WAIT_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteMaintenance.class);

    private SqliteMaintenance() {
    }

    /** @param checkpointer the source's background checkpoints, kept out of the way of this one; or null */
    static MaintenanceResult run(JdbcSource source, MaintenanceRequest request, MaintenanceListener listener,
                                 SqliteCheckpointer checkpointer) {
        if (source.config().readonly() && (request.checkpoint() || request.analyze())) {
            throw new ReadOnlySourceException(source.name(), OPERATION + " (checkpoint, analyze)");
        }
        List<String> steps = new ArrayList<>();
        if (request.checkpoint()) {
            steps.add(checkpointer == null ? checkpoint(source) : checkpointer.exclusively(() -> checkpoint(source)));
        }
        if (request.analyze()) {
            steps.add(source.write(s -> {
                try (Statement statement = s.connection().createStatement()) {
                    statement.execute("ANALYZE");
                }
                return "analyze: query planner statistics refreshed";
            }));
        }
        request.compactCopy().ifPresent(target -> steps.add(compact(source, target, listener)));
        return new MaintenanceResult(source.name(), steps);
    }

    /**
     * The TRUNCATE checkpoint runs under the source's write lock and waits for readers to leave the WAL. Among
     * readers that never pause it may wait out SQLite's whole busy timeout, and the source's writers, queued on
     * that lock with the same timeout, would fail first. So it waits at most {@value #CHECKPOINT_WAIT_MS} ms (or
     * half the source's timeout) and otherwise reports that a reader holds the WAL, to be run again later.
     */
    private static String checkpoint(JdbcSource source) {
        int timeout = SqlitePool.timeoutMillis(source.config());
        return source.write(s -> {
            try (Statement statement = s.connection().createStatement()) {
                statement.execute("PRAGMA busy_timeout = " + Math.min(CHECKPOINT_WAIT_MS, timeout / 2));
                try (ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    row.next();
                    if (row.getInt(1) != 0) {
                        return String.format("checkpoint: %,d of %,d WAL pages written back; a reader still uses "
                                + "the rest, run maintain again later", row.getLong(3), row.getLong(2));
                    }
                    return row.getLong(2) < 0 ? "checkpoint: not in WAL mode, nothing to write back"
                            : String.format("checkpoint: %,d WAL pages written back, -wal truncated", row.getLong(2));
                } finally {
                    statement.execute("PRAGMA busy_timeout = " + timeout);
                }
            }
        });
    }

    private static String compact(JdbcSource source, Path target, MaintenanceListener listener) {
        if (Files.exists(target)) {
            throw new StorageException(String.format("Source '%s' (%s): %s refused: %s exists already; name a new "
                    + "file for the compacted copy", source.name(), source.location(), OPERATION, target));
        }
        source.checkOpen(OPERATION);
        source.checkNow();
        long total = source.location().equals(SqliteStoreProvider.MEMORY) ? -1 : size(Path.of(source.location()));
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chatstore-maintain-progress");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> listener.progress("compacted copy", size(target), total), 0, 500,
                TimeUnit.MILLISECONDS);
        // Not a pooled connection: a readonly source's pool sets query_only, which refuses VACUUM INTO.
        try (Connection connection = source.unpooled().getConnection();
             PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw source.translate(OPERATION + " (compacted copy to " + target + ")", e);
        } finally {
            sampler.shutdownNow();
        }
        long copied = size(target);
        listener.progress("compacted copy", copied, copied);
        return String.format("compacted copy: %s, %,d bytes (the source: %s)", target, copied,
                total < 0 ? "in memory" : String.format("%,d bytes", total));
    }

    /**
     * {@code PRAGMA optimize} where SQLite recommends it, as the source closes: it refreshes the planner's statistics
     * of the tables whose use suggests it (usually nothing; bounded by SQLite's own analysis limit), so a file that
     * grew to millions of rows keeps good plans. Only for a file source this process wrote, so opening and reading
     * a file still change nothing. A failure costs the statistics, not the close: it is logged.
     */
    static void optimizeAtClose(JdbcSource source, SqliteFirstWrite firstWrite) {
        if (!firstWrite.written() || firstWrite.pending() != null || source.config().readonly()
                || source.location().equals(SqliteStoreProvider.MEMORY)) {
            return;
        }
        try (Connection connection = source.unpooled().getConnection();
             Statement statement = connection.createStatement()) {
            // Best effort: if another process holds the file locked, skip rather than add the source's whole busy
            // timeout to the close, which already waited its grace for calls in flight.
            statement.execute("PRAGMA busy_timeout = 100");
            // 0x10002: every table, not only those this (fresh) connection queried.
            statement.execute("PRAGMA optimize=0x10002");
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Source {} ({}): PRAGMA optimize at close failed; the planner keeps its older statistics (run "
                    + "`maintain` to refresh them): {}", source.name(), source.location(), e.toString());
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
