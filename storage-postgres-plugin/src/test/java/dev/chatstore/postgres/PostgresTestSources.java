package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;

import java.time.Duration;
import java.util.Map;

/** Sources on a test server as the config layer hands them to the provider, each in a schema of its own. */
final class PostgresTestSources {
    private PostgresTestSources() {
    }

    /** A writable source named {@code name} in {@code schema} of {@code server}. */
    static SourceConfig config(PostgresServer server, String name, String schema) {
        return new SourceConfig(name, PostgresStoreProvider.TYPE, false, SourceConfig.DEFAULT_POOL_SIZE,
                Duration.ofSeconds(10), Map.of(PostgresKeys.URL, server.url(), PostgresKeys.USER, "postgres",
                PostgresKeys.SCHEMA, schema));
    }

    static SourceConfig config(String name, String schema) {
        return config(PostgresServer.shared(), name, schema);
    }

    static PostgresSettings settings(PostgresServer server, String schema) {
        return new PostgresSettings(server.url(), "postgres", null, schema);
    }

    /** A fresh, empty, writable store in a new schema of the shared server. */
    static ChatStore freshStore(String name) {
        return open(config(name, PostgresServer.freshSchema()));
    }

    static ChatStore open(SourceConfig config) {
        return new PostgresStoreProvider().open(config);
    }
}
