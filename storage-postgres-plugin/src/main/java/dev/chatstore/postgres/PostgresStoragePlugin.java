package dev.chatstore.postgres;

import org.pf4j.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;

/**
 * The plugin's lifecycle. Starting needs nothing: stores are opened by {@link PostgresStoreProvider}. Stopping
 * deregisters the JDBC driver pgjdbc registers in {@link DriverManager} from its static initializer, which would
 * otherwise pin this plugin's class loader.
 */
public final class PostgresStoragePlugin extends Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStoragePlugin.class);

    @Override
    public void stop() {
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
