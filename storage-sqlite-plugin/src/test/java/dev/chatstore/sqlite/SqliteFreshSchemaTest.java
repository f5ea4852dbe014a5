package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.StoreAdmin;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new file's schema is created in one step without Flyway ({@link SqliteFreshSchema}); it must be the file Flyway
 * creates from the same scripts, history included, so that Flyway validates it and applies later scripts on top.
 */
class SqliteFreshSchemaTest {
    @TempDir
    Path dir;

    @Test
    void createsTheSameSchemaAndHistoryAsFlyway() throws Exception {
        Path fast = dir.resolve("fast.db");
        Path flyway = dir.resolve("flyway.db");
        try (Connection connection = SqliteTestFiles.connect(fast)) {
            assertThat(SqliteFreshSchema.create(connection)).isTrue();
        }
        SqliteSchema.flyway(dataSource(flyway), new SqliteMigrations()).migrate();

        assertThat(schema(fast)).isNotEmpty().containsExactlyElementsOf(schema(flyway));
        assertThat(history(fast)).hasSize(SqliteSchema.CHATSTORE_LEVEL).containsExactlyElementsOf(history(flyway));
        assertThat(rows(fast, "SELECT key, value FROM settings WHERE key = 'db-migration-version'"))
                .containsExactly("db-migration-version|6");
        assertThat(SqliteTestFiles.count(fast, "SELECT count(*) FROM settings WHERE key = 'db-migration-last-run'"))
                .isEqualTo(1);
        try (Connection connection = SqliteTestFiles.connect(fast)) {
            SqliteSchema.Level level = SqliteSchema.read(connection);
            assertThat(level.isCurrent()).as(level.text()).isTrue();
        }
    }

    @Test
    void flywayValidatesTheFileAndAppliesALaterScriptOnTop() throws Exception {
        Path file = dir.resolve("fast.db");
        try (Connection connection = SqliteTestFiles.connect(file)) {
            assertThat(SqliteFreshSchema.create(connection)).isTrue();
        }
        SqliteSchema.flyway(dataSource(file), new SqliteMigrations()).validate();
        assertThat(SqliteSchema.flyway(dataSource(file), new SqliteMigrations()).migrate().migrationsExecuted)
                .isZero();

        int next = SqliteSchema.CHATSTORE_LEVEL + 1;
        String later = "V" + next + "__later.sql";
        MigrateResult result = SqliteSchema.flyway(dataSource(file), withScript(later,
                "CREATE INDEX later_index ON chat_topics (name);")).migrate();
        assertThat(result.migrationsExecuted).isEqualTo(1);
        assertThat(SqliteTestFiles.count(file, "SELECT count(*) FROM sqlite_master WHERE name = 'later_index'"))
                .isEqualTo(1);
        assertThat(SqliteTestFiles.count(file, "SELECT max(installed_rank) FROM " + SqliteSchema.HISTORY_TABLE
                + " WHERE success = 1")).isEqualTo(next);
    }

    @Test
    void aFileThatHoldsATableByThenIsLeftToFlyway() throws Exception {
        Path file = SqliteTestFiles.originalLevel6(dir.resolve("original.db"));
        String before = SqliteTestFiles.sha256(file);
        try (Connection connection = SqliteTestFiles.connect(file)) {
            assertThat(SqliteFreshSchema.create(connection)).isFalse();
            assertThat(SqliteTestFiles.sha256(file)).isEqualTo(before);
            // The transaction was ended: the same connection writes again at once.
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE scratch (x INTEGER)");
                statement.executeUpdate("DROP TABLE scratch");
            }
        }
        assertThat(SqliteTestFiles.count(file, "SELECT count(*) FROM sqlite_master WHERE name = '"
                + SqliteSchema.HISTORY_TABLE + "'")).isZero();
    }

    @Test
    void aFailingScriptLeavesNothingBehind() throws Exception {
        Path file = dir.resolve("half.db");
        try (Connection connection = SqliteTestFiles.connect(file)) {
            // A view named like a table of V1 makes V1's CREATE TABLE fail halfway; the view alone is not a table.
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE VIEW chat_users AS SELECT 1 AS x");
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqliteFreshSchema.create(connection))
                    .isInstanceOf(SQLException.class).hasMessageContaining("chat_users");
        }
        assertThat(rows(file, "SELECT type || ' ' || name FROM sqlite_master ORDER BY name"))
                .containsExactly("view chat_users");
    }

    @Test
    void aNewFileOpenedThroughTheProviderIsCurrentAfterItsFirstWrite() throws Exception {
        Path file = dir.resolve("new.db");
        try (ChatStore store = new SqliteStoreProvider().open(SqliteTestFiles.writable("primary", file))) {
            MigrationResult result = ((StoreAdmin) store).migrate();
            assertThat(result.versionAfter()).isEqualTo("6+chatstore-" + SqliteSchema.CHATSTORE_LEVEL);
            assertThat(result.changed()).isTrue();
        }
        assertThat(history(file)).hasSize(SqliteSchema.CHATSTORE_LEVEL);
        try (ChatStore store = new SqliteStoreProvider().open(SqliteTestFiles.writable("primary", file))) {
            assertThat(((StoreAdmin) store).migrate().changed()).isFalse();
        }
    }

    @Test
    void checksumIsFlywaysForLineBreaksOfEveryKindAndAByteOrderMark() {
        assertThat(SqliteFreshSchema.checksum("a;\nb;\n")).isEqualTo(SqliteFreshSchema.checksum("a;\r\nb;"))
                .isEqualTo(SqliteFreshSchema.checksum("\uFEFFa;\rb;\n"));
        // Flyway leaves line breaks out of the sum altogether.
        assertThat(SqliteFreshSchema.checksum("a;\nb;")).isEqualTo(SqliteFreshSchema.checksum("a;b;"))
                .isNotEqualTo(SqliteFreshSchema.checksum("a;\nc;"));
        assertThat(SqliteFreshSchema.description("V4__root_and_username.sql")).isEqualTo("root and username");
        assertThat(SqliteFreshSchema.version("V12__x.sql")).isEqualTo("12");
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    /** Every object of the file with its SQL, in name order. */
    private static List<String> schema(Path file) throws SQLException {
        return rows(file, "SELECT type || '|' || name || '|' || tbl_name || '|' || coalesce(sql, '') "
                + "FROM sqlite_master ORDER BY name");
    }

    /** The history without the columns that differ from run to run (when, how long). */
    private static List<String> history(Path file) throws SQLException {
        return rows(file, "SELECT installed_rank || '|' || version || '|' || description || '|' || type || '|' || "
                + "script || '|' || checksum || '|' || installed_by || '|' || success FROM "
                + SqliteSchema.HISTORY_TABLE + " ORDER BY installed_rank");
    }

    private static List<String> rows(Path file, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = SqliteTestFiles.connect(file);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    line.append(i > 1 ? "|" : "").append(row.getString(i));
                }
                rows.add(line.toString());
            }
        }
        return rows;
    }

    /** The plugin's scripts and one more. */
    private static ResourceProvider withScript(String name, String sql) {
        SqliteMigrations scripts = new SqliteMigrations();
        LoadableResource extra = new LoadableResource() {
            @Override
            public Reader read() {
                return new StringReader(sql);
            }

            @Override
            public String getAbsolutePath() {
                return name;
            }

            @Override
            public String getAbsolutePathOnDisk() {
                return name;
            }

            @Override
            public String getFilename() {
                return name;
            }

            @Override
            public String getRelativePath() {
                return name;
            }
        };
        return new ResourceProvider() {
            @Override
            public LoadableResource getResource(String wanted) {
                return wanted.equals(name) ? extra : scripts.getResource(wanted);
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                List<LoadableResource> all = new ArrayList<>(scripts.getResources(prefix, suffixes));
                if (name.startsWith(prefix)) {
                    all.add(extra);
                }
                return all;
            }
        };
    }
}
