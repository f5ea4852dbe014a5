package dev.chatstore.storage.config;

import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.ConfigKeyKind;

import java.util.List;
import java.util.Map;

/** Key declarations as the SQLite plugin and a URL-style backend make them, for reading configs in tests. */
final class TestKeys {
    static final ConfigKey SQLITE_PATH = ConfigKey.required("path", ConfigKeyKind.PATH,
            "the SQLite database file, or \":memory:\"").withLiterals(":memory:");

    static final SourceKeys ALL = SourceKeys.of(Map.of(
            "sqlite", List.of(SQLITE_PATH),
            "postgres", List.of(SQLITE_PATH),
            "redis", List.of(ConfigKey.required("url", ConfigKeyKind.URL, "the Redis URL"),
                    ConfigKey.optional("database", ConfigKeyKind.INTEGER, 0L, "the Redis database number"),
                    ConfigKey.optional("password", ConfigKeyKind.SECRET, null, "the Redis password"))));

    private TestKeys() {
    }
}
