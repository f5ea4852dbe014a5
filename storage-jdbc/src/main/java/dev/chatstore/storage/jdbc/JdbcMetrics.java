package dev.chatstore.storage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.chatstore.storage.spi.MetricsSwitch;

import java.util.List;

/**
 * Where a source's pool and size metrics are wired, once for every SQL backend: when Micrometer is on the class path
 * (the host provides it to plugins; it is never bundled), HikariCP's Micrometer tracker goes on the source's pool and
 * the backend's {@link SizeGauge}s are registered, all in Micrometer's global registry, the one registry the host,
 * the routing chain and every plugin class loader share. Without Micrometer, or with metrics switched off when the
 * source opens ({@link MetricsSwitch}), this does nothing and loads none of Micrometer's classes, so a bot without it
 * runs the same plugins.
 */
final class JdbcMetrics {
    private static final boolean PRESENT = present();

    private JdbcMetrics() {
    }

    /**
     * Starts the metrics of one source.
     *
     * @return what stops them (the gauges; the pool's meters go when the pool closes); call after closing the pool
     */
    static AutoCloseable bind(String source, HikariDataSource pool, List<SizeGauge> gauges) {
        return PRESENT && !MetricsSwitch.off() ? MicrometerJdbcMetrics.bind(source, pool, gauges) : () -> { };
    }

    private static boolean present() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, JdbcMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
