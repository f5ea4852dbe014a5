package dev.chatstore.host;

import dev.chatstore.storage.config.SourceKeys;
import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.ConfigKeyKind;

import java.util.List;
import java.util.Map;

/** The SQLite plugin's key declaration, for reading configs in host tests without the plugin on the class path. */
final class TestKeys {
    static final ConfigKey PATH = ConfigKey.required("path", ConfigKeyKind.PATH, "the SQLite database file")
            .withLiterals(":memory:");
    static final SourceKeys SQLITE = SourceKeys.of(Map.of("sqlite", List.of(PATH)));

    private TestKeys() {
    }
}
