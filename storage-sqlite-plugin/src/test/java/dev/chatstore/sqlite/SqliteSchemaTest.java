package dev.chatstore.sqlite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A file the plugin creates has the tables and columns of spec/schema.md, checked with PRAGMA table_info. */
class SqliteSchemaTest {
    /**
     * spec/schema.md "Tables", one line per table: {@code name TYPE [nn] [pkN]}. Columns the spec only names
     * ({@code created_at}, {@code updated_at}) are TIMESTAMP and nullable; the bayes tables list only their keys.
     */
    private static final String SPEC = """
            settings: key TEXT pk1, value TEXT, created_at TIMESTAMP, updated_at TIMESTAMP
            chat_messages: chat_id INTEGER nn pk1, message_id TEXT nn pk2, date TIMESTAMP nn, user_id INTEGER nn, reply_id TEXT, thread_id INTEGER nn, root_message_id TEXT, message_text TEXT nn, message_type TEXT nn, message_category TEXT nn, quote_text TEXT, media_id TEXT, created_at TIMESTAMP
            chat_settings: chat_id INTEGER nn pk1, key TEXT nn pk2, value TEXT, created_at TIMESTAMP, updated_at TIMESTAMP
            chat_users: chat_id INTEGER nn pk1, user_id INTEGER nn pk2, username TEXT nn, full_name TEXT nn, timezone TEXT, messages_count INTEGER nn, created_at TIMESTAMP, updated_at TIMESTAMP, is_spammer BOOLEAN nn, metadata TEXT nn
            chat_info: chat_id INTEGER pk1, title TEXT, username TEXT, type TEXT nn, is_forum BOOLEAN nn, created_at TIMESTAMP, updated_at TIMESTAMP
            chat_stats: chat_id INTEGER nn pk1, date TIMESTAMP nn pk2, messages_count INTEGER nn, created_at TIMESTAMP, updated_at TIMESTAMP
            chat_user_stats: chat_id INTEGER nn pk1, user_id INTEGER nn pk2, date TIMESTAMP nn pk3, messages_count INTEGER nn, created_at TIMESTAMP, updated_at TIMESTAMP
            media_attachments: file_unique_id TEXT pk1, file_id TEXT, file_size INTEGER, media_type TEXT nn, metadata TEXT nn, status TEXT nn, mime_type TEXT, local_url TEXT, prompt TEXT, description TEXT, created_at TIMESTAMP, updated_at TIMESTAMP
            delayed_tasks: id TEXT nn pk1, delayed_ts INTEGER nn, function TEXT nn, kwargs TEXT nn, is_done BOOLEAN nn, created_at TIMESTAMP, updated_at TIMESTAMP
            user_data: user_id INTEGER nn pk1, chat_id INTEGER nn pk2, key TEXT nn pk3, data TEXT nn, created_at TIMESTAMP, updated_at TIMESTAMP
            spam_messages: chat_id INTEGER nn pk1, user_id INTEGER nn pk2, message_id TEXT nn pk3, text TEXT nn, reason TEXT nn, score FLOAT nn, created_at TIMESTAMP, updated_at TIMESTAMP
            ham_messages: chat_id INTEGER nn pk1, user_id INTEGER nn pk2, message_id TEXT nn pk3, text TEXT nn, reason TEXT nn, score FLOAT nn, created_at TIMESTAMP, updated_at TIMESTAMP
            chat_topics: chat_id INTEGER nn pk1, topic_id INTEGER nn pk2, icon_color INTEGER, icon_custom_emoji_id TEXT, name TEXT, created_at TIMESTAMP, updated_at TIMESTAMP
            chat_summarization_cache: csid TEXT pk1, chat_id INTEGER nn, topic_id INTEGER, first_message_id TEXT nn, last_message_id TEXT nn, prompt TEXT nn, summary TEXT nn, created_at TIMESTAMP, updated_at TIMESTAMP
            cache_weather: key TEXT pk1, data TEXT nn, created_at TIMESTAMP, updated_at TIMESTAMP
            cache_geocoding: key TEXT pk1, data TEXT nn, created_at TIMESTAMP, updated_at TIMESTAMP
            cache_yandex_search: key TEXT pk1, data TEXT nn, created_at TIMESTAMP, updated_at TIMESTAMP
            cache_geocode_maps_search: key TEXT pk1, data TEXT nn, created_at TIMESTAMP, updated_at TIMESTAMP
            cache_geocode_maps_reverse: key TEXT pk1, data TEXT nn, created_at TIMESTAMP, updated_at TIMESTAMP
            cache_geocode_maps_lookup: key TEXT pk1, data TEXT nn, created_at TIMESTAMP, updated_at TIMESTAMP
            cache_storage: namespace TEXT nn pk1, key TEXT nn pk2, value TEXT nn, updated_at TIMESTAMP
            """;
    /** Tables whose primary key is all the spec states. */
    private static final Map<String, List<String>> KEYS_ONLY = Map.of(
            "bayes_tokens", List.of("token", "chat_id"), "bayes_classes", List.of("chat_id", "is_spam"));
    /**
     * Indexes the spec asks for, ours included, as table(columns). The spec's chat_messages(chat_id, date) is the
     * leading part of V5's (chat_id, date, user_id), which serves the same newest-first reads (index budget).
     */
    private static final List<String> INDEXES = List.of(
            "chat_summarization_cache(chat_id,topic_id,first_message_id,last_message_id,prompt)",
            "bayes_tokens(chat_id)", "bayes_tokens(total_count)", "bayes_classes(chat_id)",
            "cache_storage(namespace)", "chat_messages(chat_id,date,user_id)");

    @TempDir
    Path dir;

    @Test
    void aCreatedFileHasTheTablesColumnsKeysAndIndexesOfTheSpec() throws Exception {
        Path file = dir.resolve("created.db");
        try (dev.chatstore.storage.spi.ChatStore store = new SqliteStoreProvider().open(
                SqliteTestFiles.writable("created", file))) {
            ((dev.chatstore.storage.spi.StoreAdmin) store).migrate();
        }

        Map<String, Map<String, String>> expected = parseSpec();
        try (Connection connection = SqliteTestFiles.connect(file)) {
            List<String> tables = strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite%' AND name != 'chatstore_schema_history' ORDER BY name");
            List<String> expectedTables = new ArrayList<>(expected.keySet());
            expectedTables.addAll(KEYS_ONLY.keySet());
            assertThat(tables).containsExactlyInAnyOrderElementsOf(expectedTables);

            for (Map.Entry<String, Map<String, String>> table : expected.entrySet()) {
                assertThat(columns(connection, table.getKey())).as("columns of %s", table.getKey())
                        .containsExactlyEntriesOf(table.getValue());
            }
            for (Map.Entry<String, List<String>> table : KEYS_ONLY.entrySet()) {
                assertThat(primaryKey(connection, table.getKey())).as("key of %s", table.getKey())
                        .isEqualTo(table.getValue());
            }
            List<String> indexes = indexes(connection);
            assertThat(indexes).containsAll(INDEXES);
            for (String column : List.of("created_at", "updated_at")) {
                assertThat(strings(connection, "SELECT DISTINCT d.dflt_value FROM sqlite_master m, "
                        + "pragma_table_info(m.name) d WHERE m.type = 'table' AND d.name = '" + column + "'"))
                        .as("default of every %s", column).containsExactly("CURRENT_TIMESTAMP");
            }
            assertThat(strings(connection, "PRAGMA journal_mode")).containsExactly("wal");
        }
    }

    private static Map<String, Map<String, String>> parseSpec() {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        for (String line : SPEC.strip().split("\n")) {
            String[] parts = line.split(":", 2);
            Map<String, String> columns = new LinkedHashMap<>();
            for (String column : parts[1].split(",")) {
                String[] words = column.strip().split(" ");
                boolean notNull = List.of(words).contains("nn");
                String pk = List.of(words).stream().filter(w -> w.startsWith("pk")).findFirst().orElse("pk0");
                columns.put(words[0], describe(words[1], notNull, Integer.parseInt(pk.substring(2))));
            }
            tables.put(parts[0].strip(), columns);
        }
        return tables;
    }

    private static String describe(String type, boolean notNull, int pk) {
        return type + (notNull ? " NOT NULL" : "") + (pk > 0 ? " PK" + pk : "");
    }

    private static Map<String, String> columns(Connection connection, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                columns.put(rows.getString("name"), describe(rows.getString("type"), rows.getInt("notnull") == 1,
                        rows.getInt("pk")));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        Map<Integer, String> key = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                if (rows.getInt("pk") > 0) {
                    key.put(rows.getInt("pk"), rows.getString("name"));
                }
            }
        }
        return List.copyOf(key.values());
    }

    private static List<String> indexes(Connection connection) throws SQLException {
        List<String> result = new ArrayList<>();
        for (String index : strings(connection, "SELECT tbl_name || ' ' || name FROM sqlite_master "
                + "WHERE type = 'index'")) {
            String[] parts = index.split(" ");
            result.add(parts[0] + "(" + String.join(",", strings(connection,
                    "SELECT name FROM pragma_index_info('" + parts[1] + "') ORDER BY seqno")) + ")");
        }
        return result;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.add(rows.getString(1));
            }
        }
        return result;
    }
}
