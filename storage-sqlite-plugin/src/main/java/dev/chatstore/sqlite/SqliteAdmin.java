package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.MaintenanceListener;
import dev.chatstore.storage.spi.MaintenanceRequest;
import dev.chatstore.storage.spi.MaintenanceResult;
import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.StoreAdmin;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * {@link StoreAdmin} for one source: its status snapshot (whose detail says, for a healthy writable source, what its
 * first write will set up), on-demand migration and maintenance. Thread-safe.
 */
final class SqliteAdmin implements StoreAdmin {
    private final JdbcSource source;
    private final SqliteFirstWrite firstWrite;
    private final SqliteCheckpointer checkpointer;
    private final String versionAtOpen;
    private final String sqliteVersion;
    private final boolean changed;

    SqliteAdmin(SqliteOpener.Opened opened) {
        this.source = opened.source();
        this.firstWrite = opened.firstWrite();
        this.checkpointer = opened.checkpointer();
        this.versionAtOpen = opened.versionBefore();
        this.sqliteVersion = opened.sqliteVersion();
        this.changed = opened.migrated();
    }

    /** Constant work: no counts (see {@link #status(boolean)}). */
    @Override
    public SourceStatus status() {
        return status(false);
    }

    @Override
    public SourceStatus statusWithCounts() {
        return status(true);
    }

    /**
     * Never throws: a failing source reports {@code healthy = false} with the cause. Without {@code counts} it
     * reads only the schema level (a few rows of {@code settings} and the history table), so a probe costs the
     * same on a 10M-message file as on an empty one; chats and messages are then -1 (not counted).
     */
    private SourceStatus status(boolean counts) {
        SourceConfig config = source.config();
        if (source.isClosed()) {
            return new SourceStatus(config.name(), source.location(), config.readonly(), source.poolSize(), 0,
                    "unknown", -1, -1, sqliteVersion, false, "closed");
        }
        int active = source.activeConnections();
        try {
            source.checkNow();
            return source.read(s -> {
                SqliteWriteSetup setup = firstWrite.pending();
                SqliteSchema.Level level = SqliteSchema.read(s.connection());
                String schema = setup != null && setup.standIn() ? "none" : level.text();
                String pending = setup == null ? null : setup.pending(level);
                // A writable file below level 6 waits for its first write to be upgraded; it may lack chat_info.
                boolean counted = counts && SqliteSchema.hasTable(s.connection(), "chat_info")
                        && SqliteSchema.hasTable(s.connection(), "chat_messages");
                try (Statement statement = s.connection().createStatement();
                     ResultSet row = statement.executeQuery(counted ? "SELECT (SELECT count(*) FROM chat_info), "
                             + "(SELECT count(*) FROM chat_messages), sqlite_version()"
                             : "SELECT -1, -1, sqlite_version()")) {
                    row.next();
                    return new SourceStatus(config.name(), source.location(), config.readonly(), source.poolSize(),
                            active, schema, row.getLong(1), row.getLong(2), row.getString(3), true,
                            pending == null ? "" : pending);
                }
            });
        } catch (RuntimeException e) {
            return new SourceStatus(config.name(), source.location(), config.readonly(), source.poolSize(), active,
                    "unknown", -1, -1, sqliteVersion, false, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Brings a writable source to this build's newest level (a no-op when it is there), creating a missing file:
     * the source's first-write setup ({@link JdbcSource#prepareForWrites()}), run now. Checks a readonly one. Runs
     * with no other write of this process in flight, on a connection outside the pool, so it neither waits for nor
     * starves the pool.
     */
    @Override
    public MigrationResult migrate() {
        source.prepareForWrites();
        String after = source.exclusive("migrate", s -> {
            SqliteSchema.Level level = SqliteSchema.read(s.connection());
            SqliteSchema.check(source.config(), source.location(), level);
            return level.text();
        });
        SqliteSchema.Migration setup = firstWrite.setupMigration();
        return new MigrationResult(source.name(), versionAtOpen, after, changed || setup.changed(), setup.notes());
    }

    @Override
    public MaintenanceResult maintain(MaintenanceRequest request, MaintenanceListener listener) {
        requireNonNull(request, "request is null");
        requireNonNull(listener, "listener is null");
        return SqliteMaintenance.run(source, request, listener, checkpointer);
    }

    @Override
    public OptionalInt poolSize() {
        return OptionalInt.of(source.poolSize());
    }
}
