package dev.chatstore.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.chatstore.storage.jdbc.FailureContext;
import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageException;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Opens one source, in the order that lets each failure name its cause: the file (missing, not SQLite, cut
 * short), the schema level (refused, or migrated when writable), then the pool, whose pragmas are read back.
 * Whatever was opened is closed again when a later step fails.
 */
final class SqliteOpener {
    /** An open source and what opening it found. */
    record Opened(JdbcSource source, String versionBefore, boolean migrated, String sqliteVersion) {
    }

    private SqliteOpener() {
    }

    static Opened open(SourceConfig source) {
        String location = SqliteStoreProvider.isMemory(source) ? SqliteStoreProvider.MEMORY
                : Path.of(SqliteStoreProvider.path(source)).toAbsolutePath().normalize().toString();
        if (!SqliteStoreProvider.isMemory(source)) {
            Path path = Path.of(location);
            SqliteFileCheck.check(source, path);
            if (!source.readonly()) {
                createFolder(source, path);
            }
        }
        SQLiteDataSource dataSource = SqlitePool.dataSource(source, SqlitePool.url(source, location));
        Connection anchor = null;
        HikariDataSource pool = null;
        try {
            anchor = SqliteStoreProvider.isMemory(source) ? dataSource.getConnection() : null;
            // The level is read on a read-only connection first: the writable configuration would switch the
            // file to WAL on connect, and a file that is refused must be left exactly as it was.
            SqliteSchema.Level level = SqliteSchema.Level.EMPTY;
            if (SqliteStoreProvider.isMemory(source) || Files.exists(Path.of(location))) {
                try (Connection probe = SqliteStoreProvider.isMemory(source) ? dataSource.getConnection()
                        : SqlitePool.probe(source, SqlitePool.url(source, location)).getConnection()) {
                    level = SqliteSchema.read(probe);
                }
            }
            SqliteSchema.check(source, location, level);
            boolean migrated = false;
            if (!source.readonly()) {
                try (Connection connection = dataSource.getConnection()) {
                    migrated = SqliteSchema.migrate(dataSource, connection, level);
                }
            }
            pool = SqlitePool.pool(source, dataSource);
            String sqliteVersion;
            try (Connection connection = pool.getConnection()) {
                sqliteVersion = sqliteVersion(connection);
                Optional<String> refusal = SqliteVersionRule.refusal(source.name(), sqliteVersion);
                if (refusal.isPresent()) {
                    throw new SourceUnavailableException(source.name(), refusal.get(), null);
                }
                List<String> problems = SqlitePool.pragmaProblems(source, connection);
                if (!problems.isEmpty()) {
                    throw new SourceUnavailableException(source.name(), String.format("Source '%s' (%s): SQLite did "
                            + "not take the connection settings: %s. WAL needs a local file system with shared "
                            + "memory; move the file to a local disk.", source.name(), location, problems), null);
                }
            }
            JdbcSource.Builder built = JdbcSource.builder(source, location, SqliteDialect.INSTANCE, pool)
                    .unpooled(dataSource);
            if (anchor != null) {
                built.closeAfterPool(anchor);
            } else {
                built.callCheck(new SqliteFileIdentity(source.name(), Path.of(location)));
            }
            return new Opened(built.build(), level.text(), migrated, sqliteVersion);
        } catch (SQLException | HikariPool.PoolInitializationException | FlywayException | StorageException e) {
            closeQuietly(pool, anchor, e);
            if (e instanceof SourceUnavailableException unavailable) {
                throw unavailable;
            }
            if (e instanceof SQLException sql) {
                Optional<StorageException> busy = SqliteDialect.INSTANCE.translate(
                        new FailureContext(source, location, "open"), sql);
                if (busy.isPresent() && busy.get() instanceof SourceUnavailableException unavailable) {
                    throw unavailable;
                }
            }
            throw new SourceUnavailableException(source.name(), String.format("Source '%s' (%s) cannot be opened: %s",
                    source.name(), location, describe(source, e)), e);
        } catch (RuntimeException e) {
            closeQuietly(pool, anchor, e);
            throw e;
        }
    }

    private static String describe(SourceConfig source, Exception e) {
        Throwable cause = e;
        while (!(cause instanceof SQLException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause instanceof SQLException ? cause.getMessage() : e.getMessage();
        if (nativeLibraryMissing(e)) {
            return nativeLibraryAdvice();
        }
        if (source.readonly() && String.valueOf(message).contains("READONLY_DIRECTORY")) {
            // The -shm of a cleanly closed file is gone, so opening it once with write access does not help.
            Path file = Path.of(SqliteStoreProvider.path(source)).toAbsolutePath();
            message += String.format(". The file is in WAL mode and this process cannot write its folder %s, where "
                    + "SQLite must create %s-shm to read a WAL file. Either convert the file to rollback-journal mode "
                    + "once, with write access (sqlite3 '%s' 'PRAGMA journal_mode=DELETE'; a readonly source does not "
                    + "need WAL), or make the folder writable for this process", file.getParent(),
                    file.getFileName(), file);
        }
        return message;
    }

    /** Whether sqlite-jdbc could not load its native library (extracted to a temporary folder first). */
    private static boolean nativeLibraryMissing(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsatisfiedLinkError
                    || cause.getClass().getName().equals("org.sqlite.NativeLibraryNotFoundException")) {
                return true;
            }
        }
        return false;
    }

    private static String nativeLibraryAdvice() {
        String folder = System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir"));
        String property = System.getProperty("org.sqlite.tmpdir") != null ? "org.sqlite.tmpdir" : "java.io.tmpdir";
        return String.format("the SQLite native library could not be loaded. sqlite-jdbc extracts it to %s (%s), "
                + "which must exist, be writable and not be mounted noexec: start Java with "
                + "-Dorg.sqlite.tmpdir=DIR naming such a folder (for example a folder under the bot's data "
                + "directory)", folder, property);
    }

    private static String sqliteVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT sqlite_version()")) {
            return row.next() ? row.getString(1) : "unknown";
        }
    }

    private static void createFolder(SourceConfig source, Path path) {
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

    private static void closeQuietly(HikariDataSource pool, Connection anchor, Exception failure) {
        if (pool != null) {
            pool.close();
        }
        if (anchor != null) {
            try {
                anchor.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
