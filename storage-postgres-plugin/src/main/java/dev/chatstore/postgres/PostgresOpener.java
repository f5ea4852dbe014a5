package dev.chatstore.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.SQLException;

/**
 * Opens one source: builds the pool and the {@link JdbcSource} over it, then checks the schema on one connection.
 * Opening changes nothing: a writable source's schema is created or upgraded before its first write (the source's
 * schema hook) or by {@code migrate}; a readonly one is only checked, and refused when it is missing or older than
 * this build.
 */
final class PostgresOpener {
    /** An open source, its schema, and the level its schema had at open. */
    record Opened(JdbcSource source, PostgresSettings settings, PostgresSchema schema, PostgresSchema.Level level) {
    }

    private PostgresOpener() {
    }

    static Opened open(SourceConfig config, PostgresSettings settings) {
        PGSimpleDataSource dataSource;
        try {
            dataSource = PostgresPool.dataSource(config, settings);
        } catch (SQLException e) {
            throw new SourceUnavailableException(config.name(), String.format("Source '%s' (%s): the url is not a "
                    + "valid PostgreSQL JDBC URL: %s", config.name(), settings.location(), e.getMessage()), e);
        }
        HikariDataSource pool = PostgresPool.pool(config, dataSource);
        PostgresSchema schema = new PostgresSchema(config, settings);
        JdbcSource source = JdbcSource.builder(config, settings.location(), PostgresDialect.INSTANCE, pool)
                .unpooled(dataSource)
                .schemaHook(writing -> schema.migrate(writing, writing.operation()))
                .build();
        try {
            PostgresSchema.Level level = source.exclusive("open", s -> schema.read(s.connection()));
            schema.check(level);
            if (level.isCurrent() && !config.readonly()) {
                source.markSchemaReady();
            }
            return new Opened(source, settings, schema, level);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }
}
