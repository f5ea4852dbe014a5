package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The source's schema: its level (Flyway's history in the source's own schema), the checks at open, and
 * migration. Levels are the versions of {@link PostgresMigrations}; the text form is {@code "chatstore-pg-N"}, or
 * {@code "none"} before the schema exists. Thread-safe.
 */
final class PostgresSchema {
    static final String HISTORY_TABLE = "flyway_schema_history";

    /**
     * What a schema holds.
     *
     * @param exists  whether the schema (namespace) exists
     * @param tables  how many tables it has
     * @param version the newest successfully applied version, 0 for none
     * @param failed  whether Flyway recorded a failed step
     */
    record Level(boolean exists, int tables, int version, boolean failed) {
        boolean isCurrent() {
            return version == PostgresMigrations.LATEST && !failed;
        }

        String text() {
            return version == 0 ? "none" : "chatstore-pg-" + version;
        }
    }

    private final SourceConfig config;
    private final PostgresSettings settings;

    PostgresSchema(SourceConfig config, PostgresSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    /** The schema's name. */
    String name() {
        return settings.schema();
    }

    Level read(Connection connection) throws SQLException {
        boolean exists;
        int tables;
        try (PreparedStatement statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM "
                + "pg_namespace WHERE nspname = ?), (SELECT count(*) FROM information_schema.tables "
                + "WHERE table_schema = ?)")) {
            statement.setString(1, settings.schema());
            statement.setString(2, settings.schema());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                exists = row.getBoolean(1);
                tables = row.getInt(2);
            }
        }
        if (!exists || tables == 0) {
            return new Level(exists, tables, 0, false);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(max(CASE WHEN success "
                + "THEN version::int END), 0), coalesce(bool_or(NOT success), false) FROM " + settings.schema() + "."
                + HISTORY_TABLE + " WHERE version IS NOT NULL")) {
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Level(true, tables, row.getInt(1), row.getBoolean(2));
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return new Level(true, tables, 0, false); // tables, but not Chatstore's: check() refuses it
            }
            throw e;
        }
    }

    /**
     * Refuses a schema this build cannot serve: one newer than this build, one with a failed step, tables without
     * Chatstore's history; and for a readonly source (never migrated) one that is missing or older than this build.
     *
     * @throws SourceUnavailableException naming source, location, the level found and the level supported
     */
    void check(Level level) {
        String problem = null;
        if (level.tables() > 0 && level.version() == 0) {
            problem = "has tables but no Chatstore schema history (" + HISTORY_TABLE + "); it is not a Chatstore "
                    + "schema. Point the source's schema key at another schema";
        } else if (level.failed()) {
            problem = "has a failed migration step recorded in " + HISTORY_TABLE + "; repair it (see the failed row) "
                    + "and run migrate again";
        } else if (level.version() > PostgresMigrations.LATEST) {
            problem = "is at level " + level.text() + ", newer than this build supports (chatstore-pg-"
                    + PostgresMigrations.LATEST + "); upgrade Chatstore";
        } else if (config.readonly() && level.version() == 0) {
            problem = "does not exist or is empty, and a readonly source is never created. Run 'migrate' with a "
                    + "writable config for it first, or fix the source's url and schema";
        } else if (config.readonly() && level.version() < PostgresMigrations.LATEST) {
            problem = "is at level " + level.text() + ", older than this build supports (chatstore-pg-"
                    + PostgresMigrations.LATEST + "), and a readonly source is never migrated. Run 'migrate' with a "
                    + "writable config for it first";
        }
        if (problem != null) {
            throw new SourceUnavailableException(config.name(), String.format("Source '%s' (%s): the schema '%s' %s.",
                    config.name(), settings.location(), settings.schema(), problem), null);
        }
    }

    /**
     * Creates the schema or brings it to the newest level, on connections from the source's unpooled data source.
     * Two processes migrating at once are serialized by Flyway's advisory lock; the second finds nothing left to do.
     *
     * @param operation the write that needs the schema, or {@code migrate}, for messages
     */
    void migrate(JdbcSource source, String operation) {
        DataSource dataSource = source.unpooled();
        if (config.readonly()) {
            throw new IllegalStateException("readonly source '" + config.name() + "' is never migrated");
        }
        try {
            Flyway.configure(PostgresSchema.class.getClassLoader())
                    .dataSource(dataSource)
                    // Named scripts, not a scan: see PostgresMigrations.
                    .resourceProvider(new PostgresMigrations())
                    .schemas(settings.schema())
                    .defaultSchema(settings.schema())
                    .createSchemas(true)
                    .table(HISTORY_TABLE)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && PostgresDialect.isConnectionLoss(sql)) {
                    throw source.translate(operation, sql);
                }
            }
            throw new StorageException(String.format("Source '%s' (%s): %s could not bring the schema '%s' to level "
                    + "chatstore-pg-%d; the failed step was rolled back: %s", config.name(), settings.location(),
                    operation, settings.schema(), PostgresMigrations.LATEST, e.getMessage()), e);
        }
    }
}
