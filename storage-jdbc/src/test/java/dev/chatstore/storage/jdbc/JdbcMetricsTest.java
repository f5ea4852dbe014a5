package dev.chatstore.storage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every JdbcSource gets HikariCP's pool meters and its backend's size gauges in Micrometer's global registry,
 * tagged with the source name, and loses them when it closes.
 */
class JdbcMetricsTest {
    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void addRegistry() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void removeRegistry() {
        Metrics.removeRegistry(registry);
    }

    @Test
    void poolMetersAndSizeGaugesAreTaggedWithTheSourceAndGoAwayOnClose() throws Exception {
        SourceConfig config = TestSources.config(dir, Duration.ofMillis(300));
        HikariDataSource pool = TestSources.pool(config);
        AtomicLong size = new AtomicLong(4096);
        JdbcSource source = JdbcSource.builder(config, "loc", TestSources.DIALECT, pool)
                .sizeGauge(new SizeGauge("chatstore.test.file.size", "a file", size::get))
                .build();
        try {
            source.read(s -> s.queryLong("SELECT 1", 0));
            assertThat(registry.get("hikaricp.connections.max").tag("pool", "main").gauge().value())
                    .isEqualTo(1.0);
            assertThat(registry.get("hikaricp.connections.active").tag("pool", "main").gauge().value())
                    .isEqualTo(0.0);
            assertThat(registry.get("hikaricp.connections.acquire").tag("pool", "main").timer().count())
                    .isPositive();
            assertThat(registry.get("chatstore.test.file.size").tag("source", "main").gauge().value())
                    .isEqualTo(4096.0);
            size.set(8192);
            assertThat(registry.get("chatstore.test.file.size").tag("source", "main").gauge().value())
                    .isEqualTo(8192.0);

            // (Hikari's gauges read pool statistics it refreshes about once a second, so "active" is not checked here.)
            try (Connection held = pool.getConnection()) {
                assertThatThrownBy(() -> source.read(s -> s.queryLong("SELECT 1", 0)))
                        .isInstanceOf(SourceUnavailableException.class);
            }
            assertThat(registry.get("hikaricp.connections.timeout").tag("pool", "main").counter().count())
                    .isGreaterThanOrEqualTo(1.0);
        } finally {
            source.close();
        }

        assertThat(registry.find("hikaricp.connections.max").meters()).isEmpty();
        assertThat(registry.find("chatstore.test.file.size").meters()).isEmpty();
    }
}
