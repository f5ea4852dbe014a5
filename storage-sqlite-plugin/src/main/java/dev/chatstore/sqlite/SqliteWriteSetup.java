package dev.chatstore.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * What a writable file source does once, before its first write (or on {@code migrate}), and never at open, so
 * that reading changes nothing (spec/host.md): create a missing file and its folders, switch the file to WAL, and
 * bring its schema current. Run by {@link SqliteFirstWrite}, the source's schema hook; the file is checked again
 * first, since it may have appeared or been replaced since the source opened. Not thread-safe on its own.
 */
final class SqliteWriteSetup {
    /**
     * What the setup did.
     *
     * @param dataSource the file's data source, when the source served a stand-in until now; else null
     * @param pool       the file's pool to serve from now on, when the source served a stand-in; else null
     * @param migration  what the schema step changed
     */
    record Done(SQLiteDataSource dataSource, HikariDataSource pool, SqliteSchema.Migration migration) {
    }

    private final SourceConfig source;
    private final String location;
    private final boolean standIn;

    /**
     * @param standIn whether the source serves an empty stand-in because its file did not exist at open
     */
    SqliteWriteSetup(SourceConfig source, String location, boolean standIn) {
        this.source = source;
        this.location = location;
        this.standIn = standIn;
    }

    /** Whether the file did not exist when the source opened (reads are served by an empty stand-in). */
    boolean standIn() {
        return standIn;
    }

    /** One line for operators: what the first write (or {@code migrate}) will do; null when nothing is pending. */
    String pending(SqliteSchema.Level level) {
        String newest = SqliteSchema.ORIGINAL_LEVEL + "+chatstore-" + SqliteSchema.CHATSTORE_LEVEL;
        if (standIn) {
            return "the file does not exist yet; it will be created (schema " + newest + ") on the first write or by "
                    + "migrate";
        }
        return level.isCurrent() ? null : "schema " + level.text() + " will be brought to " + newest
                + " on the first write or by migrate";
    }

    /** The file's data source and pool, to read an existing file with. */
    record FileReader(SQLiteDataSource dataSource, HikariDataSource pool) {
    }

    /**
     * For a source serving its stand-in: when the file has appeared since (another process, or another storage over
     * the same config, wrote it first), the file's data source and pool, to read it as it is (nothing is migrated
     * or switched; the first write still does that). Null while the file is missing or holds no table yet.
     */
    FileReader fileAppeared() throws SQLException {
        Path path = Path.of(location);
        if (!Files.exists(path)) {
            return null;
        }
        SqliteFileCheck.check(source, path);
        SqliteSchema.Level level;
        try (Connection probe = SqlitePool.probe(source, SqlitePool.url(source, location)).getConnection()) {
            level = SqliteSchema.read(probe);
        }
        if (level.empty()) {
            return null;
        }
        SqliteSchema.check(source, location, level);
        SQLiteDataSource dataSource = SqlitePool.dataSource(source, SqlitePool.url(source, location));
        return new FileReader(dataSource, SqlitePool.pool(source, dataSource));
    }

    /** The setup still due for a file that now exists (no stand-in to replace any more). */
    SqliteWriteSetup forExistingFile() {
        return new SqliteWriteSetup(source, location, false);
    }

    /**
     * Whether the file needs nothing from {@link #run}: it exists, is still a SQLite file at the current schema level
     * and is in WAL mode already (a file this build wrote before, the usual case). Checked on {@code pooled}, one of
     * the source's own connections, which are open on the file anyway: {@link #run} opens a read-only probe and a new
     * writable connection with every pragma for the same answers, which in a fresh JVM cost a good part of the
     * first write (issue 18). Reading changes nothing; whatever is not already set up falls back to {@link #run}.
     * Always false while the source serves a stand-in (its pool is not the file's).
     */
    boolean alreadyDone(Connection pooled) throws SQLException {
        Path path = Path.of(location);
        if (standIn || !Files.exists(path)) {
            return false;
        }
        SqliteFileCheck.check(source, path);
        if (!SqliteSchema.read(pooled).isCurrent()) {
            return false;
        }
        try (Statement statement = pooled.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA journal_mode")) {
            return row.next() && "wal".equalsIgnoreCase(row.getString(1));
        }
    }

    /** @param current the data source the source reads with now (the file's, unless {@link #standIn()}) */
    Done run(SQLiteDataSource current) throws SQLException {
        Path path = Path.of(location);
        SqliteFileCheck.check(source, path);
        SqliteSchema.Level level = SqliteSchema.Level.EMPTY;
        if (Files.exists(path)) {
            try (Connection probe = SqlitePool.probe(source, SqlitePool.url(source, location)).getConnection()) {
                level = SqliteSchema.read(probe);
            }
        }
        SqliteSchema.check(source, location, level);
        createFolder(path);
        SQLiteDataSource target = standIn ? SqlitePool.dataSource(source, SqlitePool.url(source, location))
                : current;
        SqliteSchema.Migration migration;
        try (Connection connection = target.getConnection()) {
            switchToWal(connection);
            migration = SqliteSchema.migrate(target, connection, level);
        }
        if (!standIn) {
            return new Done(null, null, migration);
        }
        HikariDataSource pool = SqlitePool.pool(source, target);
        try (Connection connection = pool.getConnection()) {
            List<String> problems = SqlitePool.pragmaProblems(source, connection, true);
            if (!problems.isEmpty()) {
                throw new SourceUnavailableException(source.name(), String.format("Source '%s' (%s): SQLite did not "
                        + "take the connection settings: %s", source.name(), location, problems), null);
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Done(target, pool, new SqliteSchema.Migration(true, migration.notes()));
    }

    /** WAL is stored in the file: set once here, where the file is about to be written anyway. */
    private void switchToWal(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA journal_mode = WAL")) {
            String mode = row.next() ? row.getString(1) : null;
            if (!"wal".equals(mode == null ? null : mode.toLowerCase(Locale.ROOT))) {
                throw new SourceUnavailableException(source.name(), String.format("Source '%s' (%s): SQLite did not "
                        + "switch the file to WAL (journal mode is %s). WAL needs a local file system with shared "
                        + "memory; move the file to a local disk.", source.name(), location, mode), null);
            }
        }
    }

    private void createFolder(Path path) {
        Path folder = path.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new SourceUnavailableException(source.name(), String.format("Source '%s' (%s): cannot create "
                        + "the folder %s: %s", source.name(), path, folder, e), e);
            }
        }
    }
}
