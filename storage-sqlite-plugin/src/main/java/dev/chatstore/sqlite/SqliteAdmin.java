package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.StorageException;
import org.flywaydb.core.api.FlywayException;

import java.sql.ResultSet;
import java.sql.Statement;

/** {@link dev.chatstore.storage.spi.StoreAdmin} for one source: its status snapshot and on-demand migration. */
final class SqliteAdmin {
    private final SqliteSource source;
    private final String versionAtOpen;
    private final String sqliteVersion;
    private volatile boolean changed;

    SqliteAdmin(SqliteSource source, SqliteOpener.Opened opened) {
        this.source = source;
        this.versionAtOpen = opened.versionBefore();
        this.sqliteVersion = opened.sqliteVersion();
        this.changed = opened.migrated();
    }

    /** Never throws: a failing source reports {@code healthy = false} with the cause. */
    SourceStatus status() {
        SourceConfig config = source.config();
        if (source.isClosed()) {
            return new SourceStatus(config.name(), source.location(), config.readonly(), config.poolSize(), 0,
                    "unknown", -1, -1, sqliteVersion, false, "closed");
        }
        int active = source.activeConnections();
        try {
            source.checkFile("status", true);
            return source.read("status", s -> {
                String schema = SqliteSchema.read(s.connection()).text();
                try (Statement statement = s.connection().createStatement();
                     ResultSet row = statement.executeQuery("SELECT (SELECT count(*) FROM chat_info), "
                             + "(SELECT count(*) FROM chat_messages), sqlite_version()")) {
                    row.next();
                    return new SourceStatus(config.name(), source.location(), config.readonly(), config.poolSize(),
                            active, schema, row.getLong(1), row.getLong(2), row.getString(3), true, "");
                }
            });
        } catch (RuntimeException e) {
            return new SourceStatus(config.name(), source.location(), config.readonly(), config.poolSize(), active,
                    "unknown", -1, -1, sqliteVersion, false, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Brings a writable source to this build's newest level (a no-op when it is there); checks a readonly one.
     * Runs under the write lock on a connection outside the pool, so it neither waits for nor starves the pool.
     */
    MigrationResult migrate() {
        String after = source.exclusive("migrate", s -> {
            SqliteSchema.Level level = SqliteSchema.read(s.connection());
            SqliteSchema.check(source.config(), source.location(), level);
            if (!source.config().readonly() && !level.isCurrent()) {
                try {
                    changed |= SqliteSchema.migrate(source.dataSource(), s.connection(), level);
                } catch (FlywayException e) {
                    throw new StorageException(String.format("Source '%s' (%s): migration failed and its step was "
                            + "rolled back: %s", source.name(), source.location(), e.getMessage()), e);
                }
                level = SqliteSchema.read(s.connection());
            }
            return level.text();
        });
        return new MigrationResult(source.name(), versionAtOpen, after, changed);
    }
}
