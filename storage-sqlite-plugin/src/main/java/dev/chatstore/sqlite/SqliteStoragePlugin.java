package dev.chatstore.sqlite;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.UUID;

/**
 * The plugin's lifecycle. Stores are opened by {@link SqliteStoreProvider}; starting only prepares, on a thread of
 * its own, what the first open needs anyway: sqlite-jdbc's native library, its date-format tables (locale data), the
 * first connection's and statement's classes (a private memory database, opened and closed) and the seed of the
 * random numbers HikariCP names connections with. That is about a fifth of a short command's start, and the host has
 * other start work (the storage config, the injector) to overlap it with; the first open waits for whatever is left
 * ({@link SqliteNativeLibrary#load()} and class initialization are synchronized). Stopping
 * releases what would otherwise pin this plugin's class loader: pools still open, and the JDBC driver that
 * sqlite-jdbc registers in {@link DriverManager} from its static initializer.
 */
public final class SqliteStoragePlugin extends Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStoragePlugin.class);

    private Thread preparing;

    @Override
    public void start() {
        preparing = new Thread(SqliteStoragePlugin::prepare, "chatstore-sqlite-prepare");
        preparing.setDaemon(true);
        preparing.start();
    }

    private static void prepare() {
        try {
            boolean loaded = SqliteNativeLibrary.load();
            SQLiteConfig config = new SQLiteConfig();
            // Only over the kept library: otherwise this connection would make sqlite-jdbc's one loading attempt,
            // and a failure there must reach the first open, which reports it with what to do.
            if (loaded) {
                SQLiteDataSource memory = new SQLiteDataSource(config);
                memory.setUrl("jdbc:sqlite::memory:");
                try (Connection connection = memory.getConnection();
                     PreparedStatement statement = connection.prepareStatement("SELECT sqlite_version() WHERE ? = 1")) {
                    statement.setInt(1, 1);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        row.getString(1);
                    }
                }
            }
            // HikariCP names every new connection with a random UUID: the first one seeds SecureRandom.
            UUID.randomUUID();
        } catch (SQLException | RuntimeException | LinkageError e) {
            // The first open does the same work again and reports a real failure there.
            LOG.debug("Preparing sqlite-jdbc at plugin start failed", e);
        }
    }

    @Override
    public void stop() {
        if (preparing != null) {
            try {
                preparing.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int closed = SqliteOpenStores.closeAll();
        if (closed > 0) {
            LOG.warn("Closed {} SQLite source(s) left open when the storage-sqlite plugin stopped", closed);
        }
        ClassLoader own = getClass().getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == own) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    LOG.warn("Could not deregister JDBC driver {}: {}", driver, e.toString());
                }
            }
        }
    }
}
