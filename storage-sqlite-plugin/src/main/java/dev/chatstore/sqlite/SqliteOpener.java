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
 * Opens one source, in the order that lets each failure name its cause: the path (a {@code ?} is refused), the
 * file's identity (no other open source may have it), the file (missing, not SQLite, cut short), the schema level
 * (refused when unsupported), then the pool, whose pragmas (and the SQLite library's version) are read back. Opening changes nothing in the file: a
 * writable source creates, migrates and switches its file to WAL only before its first write
 * ({@link SqliteWriteSetup}, run by {@link SqliteFirstWrite} as the source's schema hook); until then a missing file
 * is served by an empty stand-in. Whatever was opened is closed again when a later step fails.
 */
final class SqliteOpener {
    /** An open source and what opening it found. */
    record Opened(JdbcSource source, String versionBefore, boolean migrated, String sqliteVersion,
                  SqliteFirstWrite firstWrite, SqliteCheckpointer checkpointer) {
    }

    private SqliteOpener() {
    }

    static Opened open(SourceConfig source) {
        boolean memory = SqliteStoreProvider.isMemory(source);
        String location = memory ? SqliteStoreProvider.MEMORY
                : Path.of(SqliteStoreProvider.path(source)).toAbsolutePath().normalize().toString();
        SqliteOpenStores.Claim claim = null;
        boolean standIn = false;
        if (!memory) {
            Path path = Path.of(location);
            SqliteFileCheck.checkPath(source);
            claim = SqliteOpenStores.claim(source, path);
            try {
                SqliteFileCheck.check(source, path);
            } catch (RuntimeException e) {
                claim.release();
                throw e;
            }
            standIn = !source.readonly() && !Files.exists(path);
        }
        boolean walFilesAbsent = source.readonly() && SqliteWalLeftovers.absent(Path.of(location));
        SQLiteDataSource dataSource = standIn ? SqlitePool.standIn(source)
                : SqlitePool.dataSource(source, SqlitePool.url(source, location));
        Connection anchor = null;
        HikariDataSource pool = null;
        try {
            anchor = memory || standIn ? dataSource.getConnection() : null;
            // The level is read on a read-only connection first, so a file that is refused is left exactly as it was.
            SqliteSchema.Level level = SqliteSchema.Level.EMPTY;
            if (!standIn && (memory || Files.exists(Path.of(location)))) {
                try (Connection probe = memory ? dataSource.getConnection()
                        : SqlitePool.probe(source, SqlitePool.url(source, location)).getConnection()) {
                    level = SqliteSchema.read(probe);
                }
            }
            SqliteSchema.check(source, location, level);
            boolean migrated = false;
            if (memory || standIn) {
                // Nothing on disk: a memory database (or the stand-in of a missing file) gets the newest schema now.
                try (Connection connection = dataSource.getConnection()) {
                    boolean changed = SqliteSchema.migrate(dataSource, connection, level).changed();
                    migrated = memory && changed;
                }
            }
            pool = SqlitePool.pool(source, dataSource, standIn);
            String sqliteVersion;
            try (Connection connection = pool.getConnection()) {
                sqliteVersion = sqliteVersion(connection);
                Optional<String> refusal = SqliteVersionRule.refusal(source.name(), sqliteVersion);
                if (refusal.isPresent()) {
                    throw new SourceUnavailableException(source.name(), refusal.get(), null);
                }
                List<String> problems = standIn ? List.of() : SqlitePool.pragmaProblems(source, connection);
                if (!problems.isEmpty()) {
                    throw new SourceUnavailableException(source.name(), String.format("Source '%s' (%s): SQLite did "
                            + "not take the connection settings: %s. WAL needs a local file system with shared "
                            + "memory; move the file to a local disk.", source.name(), location, problems), null);
                }
            }
            SqliteWriteSetup setup = source.readonly() || memory ? null
                    : new SqliteWriteSetup(source, location, standIn);
            SqliteFileIdentity identity = memory ? null
                    : new SqliteFileIdentity(source.name(), Path.of(location), !standIn);
            // Not for a pool of one: its only connection would wait for the checkpoint instead of the write.
            SqliteCheckpointer checkpointer = source.readonly() || memory || source.poolSize() < 2 ? null
                    : new SqliteCheckpointer(source.name(), Path.of(location));
            SqliteFirstWrite firstWrite = new SqliteFirstWrite(identity, Path.of(location), setup, checkpointer);
            JdbcSource.Builder built = JdbcSource.builder(source, location, SqliteDialect.INSTANCE, pool)
                    .unpooled(dataSource)
                    .callCheck(firstWrite);
            if (setup != null) {
                built.schemaHook(firstWrite);
            }
            if (anchor != null) {
                built.closeAfterPool(anchor);
            }
            if (!memory) {
                SqliteFileSizes.declare(built, Path.of(location));
            }
            if (source.readonly() && walFilesAbsent) {
                built.closeAfterPool(() -> SqliteWalLeftovers.remove(Path.of(location)));
            }
            if (claim != null) {
                built.closeAfterPool(claim::release);
            }
            JdbcSource jdbc = built.build();
            firstWrite.bind(jdbc);
            if (checkpointer != null) {
                checkpointer.bind(jdbc);
            }
            return new Opened(jdbc, level.text(), migrated, sqliteVersion, firstWrite, checkpointer);
        } catch (SQLException | HikariPool.PoolInitializationException | FlywayException | StorageException e) {
            closeQuietly(pool, anchor, e);
            release(claim, location, walFilesAbsent, source);
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
            release(claim, location, walFilesAbsent, source);
            throw e;
        }
    }

    private static void release(SqliteOpenStores.Claim claim, String location, boolean walFilesAbsent,
                                SourceConfig source) {
        if (claim != null) {
            claim.release();
        }
        if (source.readonly() && walFilesAbsent) {
            SqliteWalLeftovers.remove(Path.of(location));
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
        Path file = SqliteStoreProvider.isMemory(source) ? null
                : Path.of(SqliteStoreProvider.path(source)).toAbsolutePath();
        String text = String.valueOf(message);
        // A folder without write permission gives READONLY_DIRECTORY; a read-only file system gives a bare CANTOPEN.
        if (source.readonly() && file != null && (text.contains("READONLY_DIRECTORY")
                || (text.contains("CANTOPEN") && SqliteFileCheck.isWalMode(file) && folderNotWritable(file)))) {
            // The -shm of a cleanly closed file is gone, so opening it once with write access does not help.
            message += String.format(". The file is in WAL mode and this process cannot write its folder %s%s, "
                    + "where SQLite must create %s-shm to read a WAL file. Either convert the file to rollback-journal "
                    + "mode once, where it can be written (sqlite3 '%s' 'PRAGMA journal_mode=DELETE'; a readonly "
                    + "source does not need WAL), or make the folder writable for this process", file.getParent(),
                    readOnlyFileSystem(file) ? " (a read-only file system)" : "", file.getFileName(), file);
        }
        return message;
    }

    private static boolean folderNotWritable(Path file) {
        Path folder = file.getParent();
        return folder != null && (!Files.isWritable(folder) || readOnlyFileSystem(file));
    }

    private static boolean readOnlyFileSystem(Path file) {
        try {
            return Files.getFileStore(file).isReadOnly();
        } catch (IOException e) {
            return false;
        }
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
