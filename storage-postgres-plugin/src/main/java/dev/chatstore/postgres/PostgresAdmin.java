package dev.chatstore.postgres;

import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.StoreAdmin;

import java.sql.ResultSet;
import java.sql.Statement;

/**
 * {@link StoreAdmin} of one source: a status that shows the URL without its query string and never a password, and
 * on-demand migration. Thread-safe.
 */
final class PostgresAdmin implements StoreAdmin {
    private final PostgresSource source;

    PostgresAdmin(PostgresSource source) {
        this.source = source;
    }

    /** Never throws: a failing source reports {@code healthy = false} with the cause. */
    @Override
    public SourceStatus status() {
        SourceConfig config = source.config();
        String location = source.settings().location();
        if (source.isClosed()) {
            return new SourceStatus(config.name(), location, config.readonly(), config.poolSize(), 0, "unknown", -1,
                    -1, "unknown", false, "closed");
        }
        int active = source.activeConnections();
        try {
            return source.readDirect("status", s -> {
                PostgresSchema.Level level = source.schema().read(s.connection());
                long chats = 0;
                long messages = 0;
                String version;
                try (Statement statement = s.connection().createStatement()) {
                    if (level.version() > 0) {
                        try (ResultSet row = statement.executeQuery("SELECT (SELECT count(*) FROM chat_info), "
                                + "(SELECT count(*) FROM chat_messages)")) {
                            row.next();
                            chats = row.getLong(1);
                            messages = row.getLong(2);
                        }
                    }
                    try (ResultSet row = statement.executeQuery("SHOW server_version")) {
                        row.next();
                        version = "PostgreSQL " + row.getString(1);
                    }
                }
                return new SourceStatus(config.name(), location, config.readonly(), config.poolSize(), active,
                        level.text(), chats, messages, version, true, "");
            });
        } catch (RuntimeException e) {
            return new SourceStatus(config.name(), location, config.readonly(), config.poolSize(), active, "unknown",
                    -1, -1, "unknown", false, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Brings a writable source to the newest level (a no-op when it is there); checks a readonly one without
     * changing it.
     */
    @Override
    public MigrationResult migrate() {
        PostgresSchema schema = source.schema();
        PostgresSchema.Level before = source.readDirect("migrate", s -> schema.read(s.connection()));
        schema.check(before);
        if (source.config().readonly() || before.isCurrent()) {
            return new MigrationResult(source.name(), before.text(), before.text(), false);
        }
        PostgresSchema.Level after = source.withMigrationLock(() -> {
            schema.migrate("migrate");
            return source.readDirect("migrate", s -> schema.read(s.connection()));
        });
        return new MigrationResult(source.name(), before.text(), after.text(), before.version() != after.version());
    }
}
