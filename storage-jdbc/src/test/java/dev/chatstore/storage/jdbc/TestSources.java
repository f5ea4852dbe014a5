package dev.chatstore.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chatstore.storage.spi.SourceConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/** A real SQLite file behind a real pool, and a dialect that calls SQLState 40001 transient. */
final class TestSources {
    static final JdbcDialect DIALECT = new JdbcDialect() {
        @Override
        public String name() {
            return "TestSQL";
        }

        @Override
        public boolean isTransient(SQLException failure) {
            return "40001".equals(failure.getSQLState());
        }
    };

    private TestSources() {
    }

    static SourceConfig config(Path dir, Duration timeout) {
        return SourceConfig.of("main", dir.resolve("t.db").toString()).withPoolSize(1).withTimeout(timeout);
    }

    static HikariDataSource pool(SourceConfig config) {
        SQLiteDataSource data = new SQLiteDataSource();
        data.setUrl("jdbc:sqlite:" + config.requireString("path"));
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(data);
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setConnectionTimeout(Math.max(250, config.timeout().toMillis()));
        return new HikariDataSource(hikari);
    }

    static JdbcSource.Builder builder(Path dir, Duration timeout) {
        SourceConfig config = config(dir, timeout);
        return JdbcSource.builder(config, config.requireString("path"), DIALECT, pool(config));
    }
}
