package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.CallCheck;
import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.SchemaHook;
import dev.chatstore.storage.spi.StorageException;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite side of "reading changes nothing" for one source: the {@link SchemaHook} that runs the pending
 * {@link SqliteWriteSetup} once before the first write (or on {@code migrate}), and the {@link CallCheck} that checks
 * the file's identity ({@link SqliteFileIdentity}) and, while reads are served by the empty stand-in of a file that
 * did not exist at open, lets them go to the file once another writer created it. Both swaps of the stand-in's pool
 * for the file's ({@link JdbcSource#replacePool}) happen under one lock, so they never race. Thread-safe.
 */
final class SqliteFirstWrite implements SchemaHook, CallCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteFirstWrite.class);

    private final SqliteFileIdentity identity;
    private final Path file;
    private final SqliteCheckpointer checkpointer;
    private final ReentrantLock swapLock = new ReentrantLock();
    /** What the first write must set up first; null once done (and for readonly and memory sources). */
    private volatile SqliteWriteSetup setup;
    private volatile SqliteSchema.Migration setupMigration = SqliteSchema.Migration.NONE;
    private volatile JdbcSource source;
    /** Whether a write was attempted on this source (so closing may refresh the planner's statistics). */
    private volatile boolean written;

    /**
     * @param identity     the file check, or null for a memory source
     * @param setup        what to do once before the first write, or null (readonly and memory sources)
     * @param checkpointer told of every write, or null (readonly and memory sources, pools of one)
     */
    SqliteFirstWrite(SqliteFileIdentity identity, Path file, SqliteWriteSetup setup, SqliteCheckpointer checkpointer) {
        this.identity = identity;
        this.file = file;
        this.setup = setup;
        this.checkpointer = checkpointer;
    }

    /** The source this hook serves; set once, right after it is built. */
    void bind(JdbcSource source) {
        this.source = source;
    }

    /** Whether this process wrote (or tried to write) to the source. */
    boolean written() {
        return written;
    }

    /** The pending first-write setup, or null when there is none. */
    SqliteWriteSetup pending() {
        return setup;
    }

    /** What the first-write setup changed so far ({@link SqliteSchema.Migration#NONE} before it ran). */
    SqliteSchema.Migration setupMigration() {
        return setupMigration;
    }

    @Override
    public void check(String operation, boolean write) {
        if (write) {
            written = true;
            if (checkpointer != null) {
                checkpointer.onWrite();
            }
        }
        SqliteWriteSetup pending = setup;
        if (!write && pending != null && pending.standIn()) {
            leaveStandInIfTheFileAppeared(operation);
        }
        if (identity != null) {
            identity.check(operation, write);
        }
    }

    /**
     * A stand-in answers for a file that did not exist; once another writer created it, reads go to the file as it
     * is. Once the file exists a read waits for a first write setting up in this process (which replaces the
     * stand-in): served by the stand-in meanwhile, it would answer empty for rows the file already holds.
     */
    private void leaveStandInIfTheFileAppeared(String operation) {
        JdbcSource own = source;
        if (own == null || !Files.exists(file)) {
            return;
        }
        swapLock.lock();
        try {
            SqliteWriteSetup pending = setup;
            if (pending == null || !pending.standIn() || own.isClosed()) {
                return;
            }
            SqliteWriteSetup.FileReader reader = pending.fileAppeared();
            if (reader == null) {
                return;
            }
            own.replacePool(reader.pool(), reader.dataSource());
            identity.watch();
            setup = pending.forExistingFile();
        } catch (SQLException e) {
            throw own.translate(operation, e);
        } finally {
            swapLock.unlock();
        }
    }

    /** Runs the pending {@link SqliteWriteSetup}; a failure leaves it pending for the next write. */
    @Override
    public void beforeFirstWrite(JdbcSource jdbc) {
        String operation = jdbc.operation();
        swapLock.lock();
        try {
            SqliteWriteSetup pending = setup;
            if (pending == null) {
                return;
            }
            if (!pending.standIn() && jdbc.read(session -> pending.alreadyDone(session.connection()))) {
                setup = null;
                return;
            }
            SqliteWriteSetup.Done done;
            try {
                done = pending.run((SQLiteDataSource) jdbc.unpooled());
            } catch (SQLException e) {
                throw jdbc.translate(operation, e);
            } catch (FlywayException e) {
                throw new StorageException(String.format("Source '%s' (%s): bringing the schema current before %s "
                        + "failed and its step was rolled back: %s", jdbc.name(), jdbc.location(), operation,
                        e.getMessage()), e);
            }
            if (done.pool() != null) {
                jdbc.replacePool(done.pool(), done.dataSource());
                identity.watch();
            }
            setupMigration = done.migration();
            setup = null;
            if (!done.migration().notes().isEmpty()) {
                LOG.info("Source {} ({}): {}", jdbc.name(), jdbc.location(), String.join("; ", done.migration().notes()));
            }
        } finally {
            swapLock.unlock();
        }
    }
}
