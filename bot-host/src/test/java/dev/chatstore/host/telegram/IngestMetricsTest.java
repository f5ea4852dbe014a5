package dev.chatstore.host.telegram;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The update counters are cached after their first use and still count into registries added later. */
class IngestMetricsTest {
    @Test
    void aCounterUsedBeforeARegistryIsAddedCountsIntoIt() {
        String source = "metrics-" + UUID.randomUUID();
        IngestMetrics.count(source, "stored");
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        Metrics.addRegistry(first);
        try {
            IngestMetrics.count(source, "stored");
            IngestMetrics.count(source, "stored");
            IngestMetrics.count(source, "duplicate");
            assertThat(count(first, source, "stored")).isEqualTo(2.0);
            assertThat(count(first, source, "duplicate")).isEqualTo(1.0);
        } finally {
            Metrics.removeRegistry(first);
        }
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        Metrics.addRegistry(second);
        try {
            IngestMetrics.count(source, "stored");
            assertThat(count(second, source, "stored")).isEqualTo(1.0);
            assertThat(count(first, source, "stored")).as("a removed registry no longer counts").isEqualTo(2.0);
        } finally {
            Metrics.removeRegistry(second);
        }
    }

    private static double count(SimpleMeterRegistry registry, String source, String outcome) {
        var counter = registry.find(IngestMetrics.UPDATES).tag("source", source).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
