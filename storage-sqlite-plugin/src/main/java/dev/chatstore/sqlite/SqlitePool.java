package dev.chatstore.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chatstore.storage.spi.SourceConfig;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds the connections of one source: the driver's config (every pragma goes through {@link SQLiteConfig}, none
 * through URL strings), the HikariCP pool over a {@link SQLiteDataSource} (never {@code DriverManager}, which cannot
 * see a driver inside a plugin class loader), and the read-back that catches a pragma SQLite silently ignored.
 */
final class SqlitePool {
    private static final long MIN_HIKARI_TIMEOUT_MS = 250;
    /**
     * WAL pages between automatic checkpoints; SQLite's default is 1,000. A checkpoint copies the WAL into the
     * database and syncs both files inside whichever commit crosses the threshold, and a stored message dirties 5 to
     * 10 pages (the row, its indexes, three counters), so at 1,000 one commit in about 150 paid for it. 8,000 (a WAL
     * of up to about 32 MB) writes each often-touched page back once instead of eight times and syncs eight times
     * less: about +15% on addChatMessage and addChatMessages in benchmarks/ (docs/PERFORMANCE.md). A source with a
     * pool of two or more checkpoints at 4 MiB on a thread of its own ({@link SqliteCheckpointer}), so for it this
     * is the backstop that runs only when that thread falls behind. The price, with synchronous = NORMAL: a power
     * loss or OS crash (not a process crash) can drop the commits since the last checkpoint (the kernel's own
     * writeback bounds them too); with the source's {@code synchronous = "full"}, none.
     */
    static final int WAL_AUTOCHECKPOINT_PAGES = 8_000;

    private SqlitePool() {
    }

    /**
     * The JDBC URL of a source. A {@code :memory:} source gets a named shared-cache database of its own, so every
     * connection of its pool sees the same data ({@code file::memory:?cache=shared} would be one database for the
     * whole JVM, and a plain {@code :memory:} one per connection).
     */
    static String url(SourceConfig source, String path) {
        if (SqliteStoreProvider.isMemory(source)) {
            String name = "chatstore-" + source.name() + "-" + UUID.randomUUID();
            return "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared";
        }
        return "jdbc:sqlite:" + path;
    }

    static SQLiteDataSource dataSource(SourceConfig source, String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(timeoutMillis(source));
        config.enforceForeignKeys(true);
        noGeneratedKeys(config);
        if (source.readonly()) {
            // The real barrier: the file is opened without write access, so even SQL that switches
            // query_only off cannot write, and a missing file is not created.
            config.setReadOnly(true);
        } else if (!SqliteStoreProvider.isMemory(source)) {
            // No journal mode here: it is stored in the file, and opening must not change the file. The switch to
            // WAL happens once, before the first write (SqliteWriteSetup).
            config.setSynchronous(SqliteTuning.synchronous(source));
            config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(WAL_AUTOCHECKPOINT_PAGES));
        }
        SqliteTuning.apply(source, config);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    /**
     * sqlite-jdbc runs {@code SELECT last_insert_rowid()} (prepared, stepped and finalized anew) after every INSERT
     * for {@code getGeneratedKeys()}, which nothing here calls: three extra statements per stored message, about a
     * tenth of its time in the driver (issue 18, benchmarks/PERFORMANCE-NOTES.md).
     */
    private static void noGeneratedKeys(SQLiteConfig config) {
        config.setGetGeneratedKeys(false);
    }

    /** A read-only connection source for looking at a file before deciding to serve it; never creates it. */
    static SQLiteDataSource probe(SourceConfig source, String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(timeoutMillis(source));
        config.setReadOnly(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    /**
     * The data source of a writable source's stand-in while its file does not exist: a private memory database
     * (shared cache, kept alive by the caller's anchor connection) that gets the newest schema, so reads answer as
     * an empty store without creating the file. Its pool ({@link #pool}, one connection) is query-only.
     */
    static SQLiteDataSource standIn(SourceConfig source) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(timeoutMillis(source));
        config.enforceForeignKeys(true);
        noGeneratedKeys(config);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:file:chatstore-empty-" + source.name() + "-" + UUID.randomUUID()
                + "?mode=memory&cache=shared");
        return dataSource;
    }

    static HikariDataSource pool(SourceConfig source, SQLiteDataSource dataSource) {
        return pool(source, dataSource, false);
    }

    /** The pool of a source; {@code standIn} for the one-connection, query-only pool over {@link #standIn}. */
    static HikariDataSource pool(SourceConfig source, SQLiteDataSource dataSource, boolean standIn) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chatstore-sqlite-" + source.name() + (standIn ? "-empty" : ""));
        config.setDataSource(dataSource);
        // Readers of a shared-cache memory database fail with SQLITE_LOCKED_SHAREDCACHE during a write whatever
        // the busy timeout, so a memory source has one pooled connection.
        int size = SqliteStoreProvider.isMemory(source) || standIn ? 1 : source.poolSize();
        config.setMaximumPoolSize(size);
        // The pool opens one connection at start and the others when concurrent calls need them; they then stay
        // (no idle timeout below). An operator command or a quiet bot opens one file handle, not pool-size ones,
        // and does not pay for opening the rest at start.
        config.setMinimumIdle(1);
        long timeout = Math.max(MIN_HIKARI_TIMEOUT_MS, timeoutMillis(source));
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.min(5_000, timeout));
        // Local files need no keep-alive, and a connection kept for the pool's life keeps its statement cache.
        config.setMaxLifetime(0);
        config.setKeepaliveTime(0);
        config.setIdleTimeout(0);
        // Must agree with SQLiteConfig.setReadOnly, or the pool refuses to start.
        config.setReadOnly(source.readonly());
        if (source.readonly() || standIn) {
            config.setConnectionInitSql("PRAGMA query_only = ON");
        }
        return new HikariDataSource(config);
    }

    static int timeoutMillis(SourceConfig source) {
        return (int) Math.min(Integer.MAX_VALUE, source.timeout().toMillis());
    }

    /**
     * Reads back the pragmas the source depends on and lists every one SQLite did not take (journal mode WAL needs
     * a file system with shared memory; a silently ignored pragma would otherwise surface as slow or blocked calls).
     *
     * @return the problems, empty when every pragma holds
     */
    static List<String> pragmaProblems(SourceConfig source, Connection connection) throws SQLException {
        return pragmaProblems(source, connection, false);
    }

    /** As {@link #pragmaProblems(SourceConfig, Connection)}; {@code walExpected} once the file was set up for writing. */
    static List<String> pragmaProblems(SourceConfig source, Connection connection, boolean walExpected)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        expect(problems, connection, "busy_timeout", Integer.toString(timeoutMillis(source)));
        expect(problems, connection, "foreign_keys", "1");
        if (source.readonly()) {
            expect(problems, connection, "query_only", "1");
        } else if (!SqliteStoreProvider.isMemory(source)) {
            if (walExpected) {
                expect(problems, connection, "journal_mode", "wal");
            }
            expect(problems, connection, "synchronous",
                    Integer.toString(SqliteTuning.synchronous(source) == SQLiteConfig.SynchronousMode.FULL ? 2 : 1));
            expect(problems, connection, "wal_autocheckpoint", Integer.toString(WAL_AUTOCHECKPOINT_PAGES));
        }
        return problems;
    }

    private static void expect(List<String> problems, Connection connection, String pragma, String expected)
            throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA " + pragma)) {
            String actual = row.next() ? row.getString(1) : null;
            if (actual == null || !expected.equals(actual.toLowerCase(Locale.ROOT))) {
                problems.add(pragma + " is " + actual + ", expected " + expected);
            }
        }
    }
}
