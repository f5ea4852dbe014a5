package dev.chatstore.postgres;

import dev.chatstore.storage.spi.SourceConfig;

import java.time.Duration;

/** Source configs as the host hands them to the provider, for tests that go through {@code open(SourceConfig)}. */
final class PluginSources {
    private PluginSources() {
    }

    static SourceConfig source(PostgresServer server, String name, String schema) {
        // Until the backend-owned keys arrive, the URL travels in the path (see PostgresConfigKeys).
        return new SourceConfig(name, server.url() + "?user=postgres", false, 5, Duration.ofSeconds(10), "postgres");
    }
}
