package dev.chatstore.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens one source: builds the pool, then checks the schema on one connection. Opening changes nothing: a writable
 * source's schema is created or upgraded before its first write (or by {@code migrate}); a readonly one is only
 * checked, and refused when it is missing or older than this build.
 */
final class PostgresOpener {
    private PostgresOpener() {
    }

    static PostgresSource open(SourceConfig config, PostgresSettings settings) {
        PGSimpleDataSource dataSource;
        try {
            dataSource = PostgresPool.dataSource(config, settings);
        } catch (SQLException e) {
            throw new SourceUnavailableException(config.name(), String.format("Source '%s' (%s): the url is not a "
                    + "valid PostgreSQL JDBC URL: %s", config.name(), settings.location(), e.getMessage()), e);
        }
        HikariDataSource pool = PostgresPool.pool(config, dataSource);
        PostgresErrors errors = new PostgresErrors(config, settings);
        PostgresSchema schema = new PostgresSchema(config, settings, dataSource, errors);
        try {
            PostgresSchema.Level level;
            try (Connection connection = pool.getConnection()) {
                level = schema.read(connection);
            } catch (SQLException e) {
                throw errors.wrap("open", e);
            }
            schema.check(level);
            return new PostgresSource(config, settings, pool, schema, level.isCurrent());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }
}
