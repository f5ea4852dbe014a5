package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;

import java.time.Duration;

/** Stores on the shared test server, each in a schema of its own. */
final class PostgresTestSources {
    private PostgresTestSources() {
    }

    static SourceConfig config(String name) {
        return new SourceConfig(name, "unused", false, SourceConfig.DEFAULT_POOL_SIZE, Duration.ofSeconds(10),
                PostgresStoreProvider.TYPE);
    }

    static PostgresSettings settings(PostgresServer server, String schema) {
        return new PostgresSettings(server.url(), "postgres", null, schema);
    }

    /** A fresh, empty, writable store in a new schema of the shared server. */
    static ChatStore freshStore(String name) {
        return open(config(name), settings(PostgresServer.shared(), PostgresServer.freshSchema()));
    }

    static ChatStore open(SourceConfig config, PostgresSettings settings) {
        return new PostgresStoreProvider().open(config, settings);
    }
}
