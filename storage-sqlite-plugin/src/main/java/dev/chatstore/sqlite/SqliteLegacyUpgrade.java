package dev.chatstore.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sqlite.SQLiteDataSource;

/**
 * Brings a file of the original bot at level 1 to 5 up to level 6. The original's own steps are not part of the
 * spec, only the level-6 result is, so the upgrade is structural: tables and indexes of level 6 that are missing
 * are created and missing columns are added (with their level-6 defaults), in one transaction together with the
 * version row. Rows are never rewritten or dropped.
 */
final class SqliteLegacyUpgrade {
    /** V1 is exactly the original's level-6 schema. */
    private static final String LEVEL_6_SCRIPT = SqliteMigrations.FILES.get(0);

    private SqliteLegacyUpgrade() {
    }

    /** A column as {@code PRAGMA table_info} reports it. */
    private record Column(String name, String type, boolean notNull, String defaultValue) {
        String definition() {
            String definition = name + (type.isEmpty() ? "" : " " + type);
            String fallback = defaultValue;
            if (fallback != null && fallback.toUpperCase(Locale.ROOT).startsWith("CURRENT_")) {
                // ALTER TABLE takes constant defaults only: rows that predate the column get the upgrade time.
                fallback = "'" + SqliteTime.nowText() + "'";
            }
            if (notNull) {
                definition += " NOT NULL";
            }
            return fallback == null ? definition : definition + " DEFAULT " + fallback;
        }
    }

    static void upgrade(Connection target) throws SQLException {
        Map<String, String> tableSql = new LinkedHashMap<>();
        Map<String, List<Column>> tableColumns = new LinkedHashMap<>();
        List<String> indexSql = new ArrayList<>();
        readLevel6(tableSql, tableColumns, indexSql);
        try (Statement statement = target.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                for (Map.Entry<String, String> table : tableSql.entrySet()) {
                    if (!SqliteSchema.hasTable(target, table.getKey())) {
                        statement.execute(table.getValue());
                        continue;
                    }
                    Set<String> present = columnNames(target, table.getKey());
                    for (Column column : tableColumns.get(table.getKey())) {
                        if (!present.contains(column.name())) {
                            statement.execute("ALTER TABLE " + table.getKey() + " ADD COLUMN " + column.definition());
                        }
                    }
                }
                for (String index : indexSql) {
                    statement.execute(index.replaceFirst("(?i)^CREATE INDEX", "CREATE INDEX IF NOT EXISTS"));
                }
                String now = SqliteTime.nowText();
                try (PreparedStatement version = target.prepareStatement("INSERT INTO settings (key, value, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                        + "value = excluded.value, updated_at = excluded.updated_at")) {
                    bindAll(version, SqliteSchema.VERSION_KEY, String.valueOf(SqliteSchema.ORIGINAL_LEVEL),
                            now, now);
                    version.executeUpdate();
                    bindAll(version, SqliteSchema.LAST_RUN_KEY, now, now, now);
                    version.executeUpdate();
                }
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /** Replays the level-6 script into a private memory database and reads back what it made. */
    private static void readLevel6(Map<String, String> tableSql, Map<String, List<Column>> tableColumns,
                                   List<String> indexSql) throws SQLException {
        SQLiteDataSource scratch = new SQLiteDataSource();
        scratch.setUrl("jdbc:sqlite::memory:");
        try (Connection connection = scratch.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements(SqliteMigrations.text(LEVEL_6_SCRIPT))) {
                statement.execute(sql);
            }
            try (ResultSet rows = statement.executeQuery("SELECT type, name, sql FROM sqlite_master "
                    + "WHERE sql IS NOT NULL ORDER BY rowid")) {
                while (rows.next()) {
                    if (rows.getString(1).equals("table")) {
                        tableSql.put(rows.getString(2), rows.getString(3));
                    } else if (rows.getString(1).equals("index")) {
                        indexSql.add(rows.getString(3));
                    }
                }
            }
            for (String table : tableSql.keySet()) {
                List<Column> columns = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (rows.next()) {
                        columns.add(new Column(rows.getString("name"), rows.getString("type"),
                                rows.getInt("notnull") == 1, rows.getString("dflt_value")));
                    }
                }
                tableColumns.put(table, columns);
            }
        }
    }

    private static Set<String> columnNames(Connection connection, String table) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        }
        return names;
    }

    /** Splits the script at ';' ending a line, dropping comment lines; the script keeps to that form. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                result.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    private static void bindAll(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            SqliteDialect.INSTANCE.bind(statement, i + 1, args[i]);
        }
    }
}
