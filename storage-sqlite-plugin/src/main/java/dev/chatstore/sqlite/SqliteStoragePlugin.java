package dev.chatstore.sqlite;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;

/**
 * The plugin's lifecycle. Starting needs nothing: stores are opened by {@link SqliteStoreProvider}. Stopping
 * releases what would otherwise pin this plugin's class loader: pools still open, and the JDBC driver that
 * sqlite-jdbc registers in {@link DriverManager} from its static initializer.
 */
public final class SqliteStoragePlugin extends Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStoragePlugin.class);

    @Override
    public void stop() {
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
