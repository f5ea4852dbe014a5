package dev.chatstore.storage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.BaseUnits;

import java.util.ArrayList;
import java.util.List;

/** {@link JdbcMetrics} when Micrometer is present; loaded only then. */
final class MicrometerJdbcMetrics {
    private MicrometerJdbcMetrics() {
    }

    static AutoCloseable bind(String source, HikariDataSource pool, List<SizeGauge> gauges) {
        MeterRegistry registry = Metrics.globalRegistry;
        // A pool the backend already meters keeps its own tracker (Hikari takes one per pool).
        if (pool.getMetricsTrackerFactory() == null && pool.getMetricRegistry() == null) {
            MicrometerMetricsTrackerFactory hikari = new MicrometerMetricsTrackerFactory(registry);
            // Hikari tags its meters pool=<pool name>; the source name there, whatever the backend named the pool.
            pool.setMetricsTrackerFactory((poolName, stats) -> hikari.create(source, stats));
        }
        List<Gauge> registered = new ArrayList<>();
        for (SizeGauge gauge : gauges) {
            registered.add(Gauge.builder(gauge.name(), gauge.bytes(), bytes -> bytes.getAsLong())
                    .description(gauge.description()).baseUnit(BaseUnits.BYTES).tag("source", source)
                    .strongReference(true).register(registry));
        }
        return () -> registered.forEach(registry::remove);
    }
}
