package dev.chatstore.host;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code serve}'s Prometheus registry, added to Micrometer's global registry, which is where the routing chain
 * ({@code chatstore.operation}, {@code chatstore.fanout.*}), every plugin's pools ({@code hikaricp.*}) and files
 * ({@code chatstore.sqlite.*}) and the ingester ({@code chatstore.ingest.updates}) record: plugins see the same
 * Micrometer classes through their class loader's parent, so this is the one registry they can all reach. Started
 * before the storage opens, closed after it. Thread-safe.
 */
final class HostMetrics implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private HostMetrics() {
        Metrics.addRegistry(registry);
    }

    static HostMetrics start() {
        return new HostMetrics();
    }

    /** Every meter in Prometheus text format 0.0.4. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
