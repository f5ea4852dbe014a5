package dev.chatstore.sqlite;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.zip.CRC32;

/**
 * Creates the newest schema in a database that holds no table: every versioned script of {@link SqliteMigrations},
 * then {@code afterEachMigrate.sql} once, and the rows Flyway itself records for them in
 * {@value SqliteSchema#HISTORY_TABLE} (Flyway's table definition for SQLite, its descriptions and its checksums), all
 * in one transaction. A later {@code migrate} validates such a file exactly as one Flyway created, and a later
 * {@code V<n>__*.sql} applies on top of it through Flyway.
 *
 * <p>Why not Flyway here: on an empty file Flyway's configuration, callbacks, connections of its own and a commit per
 * script ran twice in a short {@code ingest} into a new folder, for a missing file's in-memory stand-in at open and
 * for the file at its first write: about 0.4 s of a 2.1 s run, a fifth of its samples
 * (benchmarks/PERFORMANCE-NOTES.md, "Ingest of 5,000 end to end"). The scripts run through SQLite's own
 * multi-statement execution, which splits them as the {@code sqlite3} shell would.
 *
 * <p>Not thread-safe: one caller per connection; two processes creating the same file are serialized by the write
 * lock taken first, and the second one finds the tables and returns false.
 */
final class SqliteFreshSchema {
    /** Flyway's own definition of its history table on SQLite (Flyway's SQLite createMetaDataTable script). */
    private static final String HISTORY_DDL = "CREATE TABLE \"" + SqliteSchema.HISTORY_TABLE + "\" (\n"
            + "    \"installed_rank\" INT NOT NULL PRIMARY KEY,\n"
            + "    \"version\" VARCHAR(50),\n"
            + "    \"description\" VARCHAR(200) NOT NULL,\n"
            + "    \"type\" VARCHAR(20) NOT NULL,\n"
            + "    \"script\" VARCHAR(1000) NOT NULL,\n"
            + "    \"checksum\" INT,\n"
            + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
            + "    \"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),\n"
            + "    \"execution_time\" INT NOT NULL,\n"
            + "    \"success\" BOOLEAN NOT NULL\n"
            + ");\n"
            + "CREATE INDEX \"" + SqliteSchema.HISTORY_TABLE + "_s_idx\" ON \"" + SqliteSchema.HISTORY_TABLE
            + "\" (\"success\");";
    private static final String AFTER_EACH = "afterEachMigrate.sql";

    private SqliteFreshSchema() {
    }

    /**
     * Creates the schema when the database still holds no table once the write lock is held.
     *
     * @param connection a connection in auto-commit mode, straight from the data source (not pooled)
     * @return true when created; false (nothing changed) when the database holds a table by then: the caller brings
     *         it current through Flyway as any existing file
     * @throws SQLException when a statement fails; nothing of it stays (the transaction is rolled back)
     */
    static boolean create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // IMMEDIATE: the emptiness checked next stays true until the commit, whoever else opens the file.
            statement.executeUpdate("BEGIN IMMEDIATE");
            try {
                if (!SqliteSchema.read(connection).empty()) {
                    statement.executeUpdate("ROLLBACK");
                    return false;
                }
                statement.executeUpdate(HISTORY_DDL);
                int rank = 0;
                try (PreparedStatement history = connection.prepareStatement("INSERT INTO \""
                        + SqliteSchema.HISTORY_TABLE + "\" (installed_rank, version, description, type, script, "
                        + "checksum, installed_by, execution_time, success) VALUES (?, ?, ?, 'SQL', ?, ?, '', ?, 1)")) {
                    for (String file : SqliteMigrations.FILES) {
                        if (!file.startsWith("V")) {
                            continue;
                        }
                        String script = SqliteMigrations.text(file);
                        long started = System.nanoTime();
                        statement.executeUpdate(script);
                        rank++;
                        history.setInt(1, rank);
                        history.setString(2, version(file));
                        history.setString(3, description(file));
                        history.setString(4, file);
                        history.setInt(5, checksum(script));
                        history.setLong(6, (System.nanoTime() - started) / 1_000_000);
                        history.executeUpdate();
                    }
                }
                // Flyway runs it after each script; it only stamps the time of the last run, so once is the same.
                statement.executeUpdate(SqliteMigrations.text(AFTER_EACH));
                statement.executeUpdate("COMMIT");
                return true;
            } catch (SQLException | RuntimeException e) {
                try {
                    statement.executeUpdate("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** "V12__a_b.sql" → "12". */
    static String version(String file) {
        return file.substring(1, file.indexOf("__"));
    }

    /** "V2__chat_messages_by_chat.sql" → "chat messages by chat", as Flyway describes a script. */
    static String description(String file) {
        return file.substring(file.indexOf("__") + 2, file.length() - ".sql".length()).replace('_', ' ');
    }

    /**
     * Flyway's checksum of a script: CRC-32 over the UTF-8 bytes of its lines without their line breaks (a byte-order
     * mark at the start dropped), as a signed int. {@code SqliteFreshSchemaTest} compares it with Flyway's own.
     */
    static int checksum(String script) {
        CRC32 crc = new CRC32();
        Iterator<String> lines = script.lines().iterator();
        boolean first = true;
        while (lines.hasNext()) {
            String line = lines.next();
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            first = false;
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}
