package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code cache-size}, {@code mmap-size} and {@code synchronous}: declared, defaulted, checked, applied to every
 * connection.
 */
class SqliteTuningTest {
    @TempDir
    Path dir;

    @Test
    void theKeysAreTheProvidersOwnWithTheirDefaults() {
        assertThat(new SqliteStoreProvider().configKeys()).contains(SqliteTuning.CACHE_SIZE, SqliteTuning.MMAP_SIZE);
        assertThat(SqliteTuning.CACHE_SIZE.defaultValue()).isEqualTo(16_384L);
        assertThat(SqliteTuning.MMAP_SIZE.defaultValue()).isEqualTo(0L);
        assertThat(new SqliteStoreProvider().configKeys()).contains(SqliteTuning.SYNCHRONOUS);
        assertThat(SqliteTuning.SYNCHRONOUS.defaultValue()).isEqualTo("normal");
    }

    @Test
    void synchronousFullSyncsEveryCommitAndNormalIsTheDefault() throws Exception {
        Path file = dir.resolve("s.db");
        SourceConfig full = SourceConfig.of("primary", file.toString()).withOption("synchronous", "full");
        try (ChatStore store = new SqliteStoreProvider().open(full)) {
            store.updateChatUser(-1001L, 7L, "@anna", "Anna");
        }
        // SQLite's numbers: 1 NORMAL, 2 FULL; the pool's read-back at open would refuse a pragma it did not take.
        try (Connection connection = SqlitePool.dataSource(full, "jdbc:sqlite:" + file).getConnection()) {
            assertThat(pragma(connection, "synchronous")).isEqualTo(2);
            assertThat(SqlitePool.pragmaProblems(full, connection)).isEmpty();
        }
        SourceConfig normal = SourceConfig.of("primary", file.toString());
        try (Connection connection = SqlitePool.dataSource(normal, "jdbc:sqlite:" + file).getConnection()) {
            assertThat(pragma(connection, "synchronous")).isEqualTo(1);
            assertThat(SqlitePool.pragmaProblems(normal, connection)).isEmpty();
            assertThat(SqlitePool.pragmaProblems(full, connection)).containsExactly("synchronous is 1, expected 2");
        }
    }

    @Test
    void anUnknownSynchronousValueIsRefusedWithTheChoices() {
        SourceConfig source = SourceConfig.of("primary", dir.resolve("t.db").toString())
                .withOption("synchronous", "extra");
        assertThatThrownBy(() -> {
            try (ChatStore ignored = new SqliteStoreProvider().open(source)) {
                // refused before anything opens
            }
        }).isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("Source 'primary': 'synchronous' must be \"normal\" or \"full\", got \"extra\"");
        assertThat(dir.resolve("t.db")).doesNotExist();
    }

    @Test
    void connectionsGetTheConfiguredCacheAndMapSize() throws Exception {
        SourceConfig source = SourceConfig.of("primary", dir.resolve("t.db").toString()).withOption("cache-size", 4096L)
                .withOption("mmap-size", 1_048_576L);
        try (Connection connection = SqlitePool.dataSource(source, "jdbc:sqlite:" + dir.resolve("t.db"))
                .getConnection()) {
            assertThat(pragma(connection, "cache_size")).isEqualTo(-4096);
            assertThat(pragma(connection, "mmap_size")).isEqualTo(1_048_576);
        }
        SourceConfig defaults = SourceConfig.of("primary", dir.resolve("t.db").toString());
        try (Connection connection = SqlitePool.dataSource(defaults, "jdbc:sqlite:" + dir.resolve("t.db"))
                .getConnection()) {
            assertThat(pragma(connection, "cache_size")).isEqualTo(-16_384);
            assertThat(pragma(connection, "mmap_size")).isZero();
        }
    }

    @Test
    void outOfRangeValuesAreRefusedTogetherNamingSourceAndKey() {
        SourceConfig source = SourceConfig.of("primary", dir.resolve("t.db").toString()).withOption("cache-size", -1L)
                .withOption("mmap-size", 1L << 41);
        assertThatThrownBy(() -> {
            try (ChatStore ignored = new SqliteStoreProvider().open(source)) {
                // refused before anything opens
            }
        }).isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("Source 'primary': 'cache-size' must be between 0 and 4194304")
                .hasMessageContaining("Source 'primary': 'mmap-size' must be between 0 and");
        assertThat(dir.resolve("t.db")).doesNotExist();
    }

    private static long pragma(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getLong(1);
        }
    }
}
