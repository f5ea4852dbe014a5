package dev.chatstore.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chatstore.storage.spi.SourceConfig;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.SQLException;

/**
 * Builds a source's connections: a pgjdbc data source (no {@code DriverManager}: its drivers are only those the
 * caller's class loader sees, which fails inside a plugin) and the HikariCP pool over it.
 */
final class PostgresPool {
    private PostgresPool() {
    }

    /**
     * A data source configured like the pool's connections: the source's schema as search path, the timeout as
     * connect and lock timeout, and for a readonly source {@code default_transaction_read_only}, so even SQL that
     * slipped past the readonly guard cannot write.
     */
    static PGSimpleDataSource dataSource(SourceConfig source, PostgresSettings settings) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(settings.url());
        if (settings.user() != null) {
            dataSource.setUser(settings.user());
        }
        if (settings.password() != null) {
            dataSource.setPassword(settings.password());
        }
        dataSource.setCurrentSchema(settings.schema());
        dataSource.setApplicationName("chatstore:" + source.name());
        int timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, source.timeout().toSeconds()));
        dataSource.setConnectTimeout(timeoutSeconds);
        dataSource.setLoginTimeout(timeoutSeconds);
        dataSource.setTcpKeepAlive(true);
        StringBuilder options = new StringBuilder("-c lock_timeout=").append(source.timeout().toMillis())
                .append(" -c TimeZone=UTC");
        if (source.readonly()) {
            options.append(" -c default_transaction_read_only=on");
            dataSource.setReadOnly(true);
        }
        dataSource.setOptions(options.toString());
        return dataSource;
    }

    static HikariDataSource pool(SourceConfig source, PGSimpleDataSource dataSource) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chatstore-postgres-" + source.name());
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(source.poolSize());
        // Connections open on demand: a source whose server is down still opens, and fails per call.
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        long timeout = Math.max(250, source.timeout().toMillis());
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(5_000, timeout)));
        config.setReadOnly(source.readonly());
        return new HikariDataSource(config);
    }
}
