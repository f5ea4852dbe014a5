package dev.chatstore.reliability;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.config.SourceKeys;
import dev.chatstore.storage.config.StorageConfigReader;
import dev.chatstore.storage.spi.StorageConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads configs with the real SQLite plugin's key declaration, as the host does. */
final class Configs {
    static final SourceKeys KEYS = SourceKeys.of(List.of(new SqliteStoreProvider()));

    private Configs() {
    }

    static StorageConfig fromMap(Map<String, ?> database) {
        return StorageConfigReader.fromMap(database, Path.of(""), KEYS);
    }

    static StorageConfig fromToml(String toml, Path baseDir) {
        return StorageConfigReader.fromToml(toml, baseDir, KEYS);
    }
}
