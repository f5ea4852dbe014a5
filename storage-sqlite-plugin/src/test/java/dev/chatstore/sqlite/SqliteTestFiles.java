package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SummarizationKey;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/** Database files for tests: one as the original bot writes it, plain JDBC access, and fingerprints. */
final class SqliteTestFiles {
    static final long GROUP = -1001234567890L;
    static final SummarizationKey ORIGINAL_SUMMARY = new SummarizationKey(GROUP, null, "100", "103", "Summarise");

    private SqliteTestFiles() {
    }

    /** A level-6 file shaped as the original bot writes it (rollback journal, its row formats). */
    static Path originalLevel6(Path file) throws SQLException {
        execute(file, resource("original/level-6.sql").replace("CSID_PLACEHOLDER", ORIGINAL_SUMMARY.csid()));
        return file;
    }

    /** Runs ';'-terminated statements on a plain connection (no pool, no pragmas, as another program would). */
    static void execute(Path file, String script) throws SQLException {
        try (Connection connection = connect(file); Statement statement = connection.createStatement()) {
            for (String sql : SqliteLegacyUpgrade.statements(script)) {
                statement.execute(sql);
            }
        }
    }

    static Connection connect(Path file) throws SQLException {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource.getConnection();
    }

    static long count(Path file, String sql) throws SQLException {
        try (Connection connection = connect(file); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : -1;
        }
    }

    static String text(Path file, String sql) throws SQLException {
        try (Connection connection = connect(file); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /** Row counts of every table, for "no row lost" checks. */
    static String rowCounts(Path file, List<String> tables) throws SQLException {
        StringBuilder counts = new StringBuilder();
        for (String table : tables) {
            counts.append(table).append('=').append(count(file, "SELECT count(*) FROM " + table)).append(' ');
        }
        return counts.toString().trim();
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SourceConfig writable(String name, Path file) {
        return SourceConfig.of(name, file.toString());
    }

    static SourceConfig readonly(String name, Path file) {
        return SourceConfig.of(name, file.toString()).withReadonly(true).withTimeout(Duration.ofSeconds(5));
    }

    static String resource(String name) {
        try (InputStream in = SqliteTestFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
