package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreAdmin;
import org.flywaydb.core.api.FlywayException;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalInt;

/** {@link StoreAdmin} for one source: its status snapshot and on-demand migration. Thread-safe. */
final class SqliteAdmin implements StoreAdmin {
    private final JdbcSource source;
    private final String versionAtOpen;
    private final String sqliteVersion;
    private volatile boolean changed;

    SqliteAdmin(SqliteOpener.Opened opened) {
        this.source = opened.source();
        this.versionAtOpen = opened.versionBefore();
        this.sqliteVersion = opened.sqliteVersion();
        this.changed = opened.migrated();
    }

    /** Never throws: a failing source reports {@code healthy = false} with the cause. */
    @Override
    public SourceStatus status() {
        SourceConfig config = source.config();
        if (source.isClosed()) {
            return new SourceStatus(config.name(), source.location(), config.readonly(), source.poolSize(), 0,
                    "unknown", -1, -1, sqliteVersion, false, "closed");
        }
        int active = source.activeConnections();
        try {
            source.checkNow();
            return source.read(s -> {
                String schema = SqliteSchema.read(s.connection()).text();
                try (Statement statement = s.connection().createStatement();
                     ResultSet row = statement.executeQuery("SELECT (SELECT count(*) FROM chat_info), "
                             + "(SELECT count(*) FROM chat_messages), sqlite_version()")) {
                    row.next();
                    return new SourceStatus(config.name(), source.location(), config.readonly(), source.poolSize(),
                            active, schema, row.getLong(1), row.getLong(2), row.getString(3), true, "");
                }
            });
        } catch (RuntimeException e) {
            return new SourceStatus(config.name(), source.location(), config.readonly(), source.poolSize(), active,
                    "unknown", -1, -1, sqliteVersion, false, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Brings a writable source to this build's newest level (a no-op when it is there); checks a readonly one.
     * Runs with no other write of this process in flight, on a connection outside the pool, so it neither waits
     * for nor starves the pool.
     */
    @Override
    public MigrationResult migrate() {
        String after = source.exclusive("migrate", s -> {
            SqliteSchema.Level level = SqliteSchema.read(s.connection());
            SqliteSchema.check(source.config(), source.location(), level);
            if (!source.config().readonly() && !level.isCurrent()) {
                try {
                    changed |= SqliteSchema.migrate(source.unpooled(), s.connection(), level);
                } catch (FlywayException e) {
                    throw new StorageException(String.format("Source '%s' (%s): migration failed and its step was "
                            + "rolled back: %s", source.name(), source.location(), e.getMessage()), e);
                }
                level = SqliteSchema.read(s.connection());
            }
            return level.text();
        });
        source.markSchemaReady();
        return new MigrationResult(source.name(), versionAtOpen, after, changed);
    }

    @Override
    public OptionalInt poolSize() {
        return OptionalInt.of(source.poolSize());
    }
}
