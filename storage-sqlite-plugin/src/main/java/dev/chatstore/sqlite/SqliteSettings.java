package dev.chatstore.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;

import static java.util.Objects.requireNonNull;

/** Key/value rows: global {@code settings}, {@code chat_settings} and {@code user_data}. */
final class SqliteSettings {
    private final SqliteSource source;

    SqliteSettings(SqliteSource source) {
        this.source = source;
    }

    void setSetting(String key, String value) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        Object now = SqliteTime.now();
        source.write("setSetting", s -> s.update("INSERT INTO settings (key, value, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                + "updated_at = excluded.updated_at", key, value, now, now));
    }

    Optional<String> getSetting(String key) {
        requireNonNull(key, "key is null");
        return source.read("getSetting", s -> s.queryOne("SELECT value FROM settings WHERE key = ?",
                row -> row.getString(1), key)).filter(value -> value != null);
    }

    Map<String, String> getSettings() {
        return source.read("getSettings", s -> orderedMap(s.queryList("SELECT key, value FROM settings "
                + "WHERE value IS NOT NULL ORDER BY key", SqliteSettings::pair)));
    }

    void setChatSetting(long chatId, String key, String value) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        Object now = SqliteTime.now();
        source.write("setChatSetting", s -> s.update("INSERT INTO chat_settings (chat_id, key, value, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, key) DO UPDATE SET value = excluded.value, "
                + "updated_at = excluded.updated_at", chatId, key, value, now, now));
    }

    Optional<String> getChatSetting(long chatId, String key) {
        requireNonNull(key, "key is null");
        return source.read("getChatSetting", s -> s.queryOne("SELECT value FROM chat_settings WHERE chat_id = ? "
                + "AND key = ?", row -> row.getString(1), chatId, key)).filter(value -> value != null);
    }

    Map<String, String> getChatSettings(long chatId) {
        return source.read("getChatSettings", s -> orderedMap(s.queryList("SELECT key, value FROM chat_settings "
                + "WHERE chat_id = ? AND value IS NOT NULL ORDER BY key", SqliteSettings::pair, chatId)));
    }

    boolean unsetChatSetting(long chatId, String key) {
        requireNonNull(key, "key is null");
        return source.write("unsetChatSetting", s -> s.update("DELETE FROM chat_settings WHERE chat_id = ? "
                + "AND key = ?", chatId, key)) > 0;
    }

    int clearChatSettings(long chatId) {
        return source.write("clearChatSettings", s -> s.update("DELETE FROM chat_settings WHERE chat_id = ?",
                chatId));
    }

    Map<Long, String> listChatsBySetting(String key) {
        requireNonNull(key, "key is null");
        return source.read("listChatsBySetting", s -> orderedMap(s.queryList("SELECT chat_id, value "
                + "FROM chat_settings WHERE key = ? AND value IS NOT NULL ORDER BY chat_id",
                row -> Map.entry(row.getLong(1), row.getString(2)), key)));
    }

    void addUserData(long userId, long chatId, String key, String data) {
        requireNonNull(key, "key is null");
        requireNonNull(data, "data is null");
        Object now = SqliteTime.now();
        source.write("addUserData", s -> s.update("INSERT INTO user_data (user_id, chat_id, key, data, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, chat_id, key) DO UPDATE SET "
                + "data = excluded.data, updated_at = excluded.updated_at", userId, chatId, key, data, now, now));
    }

    Map<String, String> getUserData(long userId, long chatId) {
        return source.read("getUserData", s -> orderedMap(s.queryList("SELECT key, data FROM user_data "
                + "WHERE user_id = ? AND chat_id = ? ORDER BY key", SqliteSettings::pair, userId, chatId)));
    }

    boolean deleteUserData(long userId, long chatId, String key) {
        requireNonNull(key, "key is null");
        return source.write("deleteUserData", s -> s.update("DELETE FROM user_data WHERE user_id = ? "
                + "AND chat_id = ? AND key = ?", userId, chatId, key)) > 0;
    }

    int clearUserData(long userId, long chatId) {
        return source.write("clearUserData", s -> s.update("DELETE FROM user_data WHERE user_id = ? "
                + "AND chat_id = ?", userId, chatId));
    }

    private static Map.Entry<String, String> pair(ResultSet row) throws SQLException {
        return Map.entry(row.getString(1), row.getString(2));
    }

    /** Keeps SQL's order: BINARY collation on UTF-8 text is code point order, as the contract states it. */
    private static <K> Map<K, String> orderedMap(Iterable<Map.Entry<K, String>> entries) {
        Map<K, String> result = new LinkedHashMap<>();
        for (Map.Entry<K, String> entry : entries) {
            result.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(result);
    }
}
