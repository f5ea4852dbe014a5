package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.JdbcSource;
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
    private final JdbcSource source;
    private final PostgresSchema schema;
    private final String versionAtOpen;

    PostgresAdmin(PostgresOpener.Opened opened) {
        this.source = opened.source();
        this.schema = opened.schema();
        this.versionAtOpen = opened.level().text();
    }

    /** Constant work: the schema level and the server version, no counts (see {@link #status(boolean)}). */
    @Override
    public SourceStatus status() {
        return status(false);
    }

    /** {@link #status()} with {@code chats} and {@code messages} counted: linear in the source's size. */
    @Override
    public SourceStatus statusWithCounts() {
        return status(true);
    }

    /**
     * Never throws: a failing source reports {@code healthy = false} with the cause. Without {@code counts} it reads
     * only the schema level (Flyway's history table) and the server version, so a probe ({@code /health},
     * {@code sources}) costs the same on 10M messages as on none; chats and messages are then -1 (not counted).
     */
    private SourceStatus status(boolean counts) {
        SourceConfig config = source.config();
        if (source.isClosed()) {
            return new SourceStatus(config.name(), source.location(), config.readonly(), source.poolSize(), 0,
                    "unknown", -1, -1, "unknown", false, "closed");
        }
        int active = source.activeConnections();
        try {
            return source.read(s -> {
                PostgresSchema.Level level = schema.read(s.connection());
                long chats = counts ? 0 : -1;
                long messages = counts ? 0 : -1;
                String version;
                try (Statement statement = s.connection().createStatement()) {
                    if (counts && level.version() > 0) {
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
                String detail = level.version() == 0 && !config.readonly()
                        ? "schema '" + schema.name() + "' will be created by the first write or by migrate" : "";
                return new SourceStatus(config.name(), source.location(), config.readonly(), source.poolSize(),
                        active, level.text(), chats, messages, version, true, detail);
            });
        } catch (RuntimeException e) {
            return new SourceStatus(config.name(), source.location(), config.readonly(), source.poolSize(), active,
                    "unknown", -1, -1, "unknown", false, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Brings a writable source to the newest level (a no-op when it is there); checks a readonly one without
     * changing it.
     */
    @Override
    public MigrationResult migrate() {
        PostgresSchema.Level before = source.exclusive("migrate", s -> schema.read(s.connection()));
        schema.check(before);
        if (source.config().readonly() || before.isCurrent()) {
            if (!source.config().readonly()) {
                source.markSchemaReady();
            }
            return new MigrationResult(source.name(), versionAtOpen, before.text(), false);
        }
        schema.migrate(source, "migrate");
        PostgresSchema.Level after = source.exclusive("migrate", s -> schema.read(s.connection()));
        source.markSchemaReady();
        return new MigrationResult(source.name(), versionAtOpen, after.text(), before.version() != after.version());
    }
}
