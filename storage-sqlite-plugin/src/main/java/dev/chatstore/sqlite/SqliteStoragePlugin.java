package dev.chatstore.sqlite;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;

/**
 * The plugin's lifecycle. Stores are opened by {@link SqliteStoreProvider}; starting only prepares, on a thread of
 * its own, what the first open needs anyway: sqlite-jdbc's native library and its date-format tables (locale data).
 * That is about a tenth of a short command's start, and the host has other start work (the injector) to overlap it
 * with; the first open waits for whatever is left ({@link SqliteNativeLibrary#load()} is synchronized). Stopping
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
            SqliteNativeLibrary.load();
            new SQLiteConfig();
        } catch (RuntimeException | LinkageError e) {
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
