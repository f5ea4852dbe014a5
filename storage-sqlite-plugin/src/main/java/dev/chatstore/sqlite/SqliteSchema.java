package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The schema levels of a file and the rules of spec/schema.md "Conventions". Two counters: the original bot's
 * level in the {@code settings} row {@code db-migration-version} (always "6" in files Chatstore writes, so the
 * original still opens them), and Chatstore's own additions in Flyway's history table
 * {@value #HISTORY_TABLE}, never in that row, because the original's later releases use levels above 6 for
 * other schemas.
 */
final class SqliteSchema {
    /** The original's level whose tables this plugin reads and writes. */
    static final int ORIGINAL_LEVEL = 6;
    /** The newest Chatstore migration this build carries ({@code V<n>__*.sql}, listed in {@link SqliteMigrations}). */
    static final int CHATSTORE_LEVEL = SqliteMigrations.LATEST;
    static final String HISTORY_TABLE = "chatstore_schema_history";
    static final String VERSION_KEY = "db-migration-version";
    static final String LAST_RUN_KEY = "db-migration-last-run";

    /**
     * What a file holds.
     *
     * @param empty          no table at all
     * @param originalText   the text of {@code db-migration-version}, or null when the row (or table) is missing
     * @param chatstoreLevel the newest applied Chatstore migration, 0 when none
     */
    record Level(boolean empty, String originalText, int chatstoreLevel) {
        static final Level EMPTY = new Level(true, null, 0);

        /** "6+chatstore-3"; "6" for a file the original wrote; "empty" for a file with no table. */
        String text() {
            if (empty) {
                return "empty";
            }
            String original = originalText == null ? "unversioned" : originalText;
            return chatstoreLevel == 0 ? original : original + "+chatstore-" + chatstoreLevel;
        }

        boolean isCurrent() {
            return !empty && String.valueOf(ORIGINAL_LEVEL).equals(originalText) && chatstoreLevel == CHATSTORE_LEVEL;
        }
    }

    private SqliteSchema() {
    }

    static Level read(Connection connection) throws SQLException {
        boolean empty = count(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'") == 0;
        String original = null;
        if (hasTable(connection, "settings")) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT value FROM settings WHERE key = ?")) {
                statement.setString(1, VERSION_KEY);
                try (ResultSet row = statement.executeQuery()) {
                    original = row.next() ? row.getString(1) : null;
                }
            }
        }
        int chatstore = hasTable(connection, HISTORY_TABLE) ? (int) count(connection, "SELECT max(CAST(version AS "
                + "INTEGER)) FROM " + HISTORY_TABLE + " WHERE success = 1 AND version IS NOT NULL") : 0;
        return new Level(empty, original, chatstore);
    }

    /**
     * Refuses a file this build must not serve (spec/schema.md "Conventions").
     *
     * @throws SourceUnavailableException naming source, path, the level found and the level supported
     */
    static void check(SourceConfig source, String location, Level level) {
        String supported = ORIGINAL_LEVEL + "+chatstore-" + CHATSTORE_LEVEL;
        if (level.empty()) {
            if (source.readonly()) {
                throw refused(source, location, level, supported, "it holds no table. A readonly source is "
                        + "never migrated: point it at a database the bot wrote, or make it writable once");
            }
            return;
        }
        if (level.originalText() == null) {
            throw refused(source, location, level, supported, "it has tables but no settings row '" + VERSION_KEY
                    + "', so it is neither the original bot's database nor Chatstore's");
        }
        int original;
        try {
            original = Integer.parseInt(level.originalText().trim());
        } catch (NumberFormatException e) {
            throw refused(source, location, level, supported, "its '" + VERSION_KEY + "' is not a number");
        }
        if (original > ORIGINAL_LEVEL) {
            throw refused(source, location, level, supported, "it was written by a later release of the original "
                    + "bot, whose schema this build does not know; use that release, or a copy at level 6");
        }
        if (original < 1) {
            throw refused(source, location, level, supported, "no release of the original bot has that level");
        }
        if (original < ORIGINAL_LEVEL && source.readonly()) {
            throw refused(source, location, level, supported, "a readonly source is never migrated: open it "
                    + "writable once (or with the original bot) to bring it to level 6");
        }
        if (level.chatstoreLevel() > CHATSTORE_LEVEL) {
            throw refused(source, location, level, supported, "it carries Chatstore additions newer than this "
                    + "build; use a newer Chatstore");
        }
    }

    /** What {@link #migrate} did: whether anything changed, and what a repair step changed, one line per kind. */
    record Migration(boolean changed, List<String> notes) {
        static final Migration NONE = new Migration(false, List.of());
    }

    /**
     * Brings a writable file to the newest level: the original's levels 1 to 5 up to 6 first, then the Chatstore
     * migrations through Flyway; each step commits together with its version record. A database with no table is
     * created by {@link SqliteFreshSchema} instead, in one step, with the history Flyway would have recorded. Never called at open: only
     * before a source's first write, or by {@code migrate}.
     *
     * @return whether anything changed, with the counts of the row repair step ({@link SqliteRowRepair})
     */
    static Migration migrate(DataSource dataSource, Connection connection, Level level) throws SQLException {
        if (level.isCurrent()) {
            return Migration.NONE;
        }
        // A file (or memory database) with no table gets the newest schema in one transaction, without Flyway.
        if (level.empty() && SqliteFreshSchema.create(connection)) {
            return new Migration(true, List.of());
        }
        if (!level.empty() && Integer.parseInt(level.originalText().trim()) < ORIGINAL_LEVEL) {
            SqliteLegacyUpgrade.upgrade(connection);
        }
        List<String> notes = !level.empty() && level.chatstoreLevel() < SqliteRowRepair.VERSION
                ? SqliteRowRepair.pending(connection) : List.of();
        flyway(dataSource, new SqliteMigrations()).migrate();
        return new Migration(true, notes);
    }

    /** Flyway as this plugin configures it, over the given scripts. */
    static Flyway flyway(DataSource dataSource, ResourceProvider scripts) {
        return Flyway.configure(SqliteSchema.class.getClassLoader())
                .dataSource(dataSource)
                // Named scripts, not a scan: see SqliteMigrations.
                .resourceProvider(scripts)
                .table(HISTORY_TABLE)
                // A file of the original bot has the level-6 tables and no history: V1 is exactly that schema.
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("original bot schema level 6")
                .validateMigrationNaming(true)
                .load();
    }

    private static SourceUnavailableException refused(SourceConfig source, String location, Level level,
                                                      String supported, String why) {
        return new SourceUnavailableException(source.name(), String.format("Source '%s' (%s): schema level %s is "
                        + "not supported (this build supports original level %d, up to %s): %s.", source.name(),
                location, level.text(), ORIGINAL_LEVEL, supported, why), null);
    }

    static boolean hasTable(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}
