package dev.chatstore.postgres;

import dev.chatstore.storage.spi.SourceConfig;

/** The PostgreSQL keys of a source table, and their reading into {@link PostgresSettings}. */
final class PostgresConfigKeys {
    private PostgresConfigKeys() {
    }

    // Until the backend-owned config keys land (issue 17), the URL comes through the source's path.
    static PostgresSettings settings(SourceConfig source) {
        return new PostgresSettings(source.path(), null, null, PostgresSettings.DEFAULT_SCHEMA);
    }
}
