package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.ChatSettingsStore;

import java.util.Map;
import java.util.Optional;

/** {@code chat_settings}: key/value rows per chat. */
final class SqliteChatSettings implements ChatSettingsStore {
    private final JdbcSource source;

    SqliteChatSettings(JdbcSource source) {
        this.source = source;
    }

    @Override
    public void setChatSetting(long chatId, String key, String value) {
        Object now = SqliteTime.now();
        source.write(s -> s.update("INSERT INTO chat_settings (chat_id, key, value, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, key) DO UPDATE SET value = excluded.value, "
                + "updated_at = excluded.updated_at", chatId, key, value, now, now));
    }

    @Override
    public Optional<String> getChatSetting(long chatId, String key) {
        return source.read(s -> s.queryOne("SELECT value FROM chat_settings WHERE chat_id = ? "
                + "AND key = ?", row -> row.getString(1), chatId, key)).filter(value -> value != null);
    }

    @Override
    public Map<String, String> getChatSettings(long chatId) {
        return source.read(s -> SqliteKeyValues.orderedMap(s.queryList("SELECT key, value FROM chat_settings "
                + "WHERE chat_id = ? AND value IS NOT NULL ORDER BY key", SqliteKeyValues::pair, chatId)));
    }

    @Override
    public boolean unsetChatSetting(long chatId, String key) {
        return source.write(s -> s.update("DELETE FROM chat_settings WHERE chat_id = ? "
                + "AND key = ?", chatId, key)) > 0;
    }

    @Override
    public int clearChatSettings(long chatId) {
        return source.write(s -> s.update("DELETE FROM chat_settings WHERE chat_id = ?",
                chatId));
    }

    @Override
    public Map<Long, String> listChatsBySetting(String key) {
        return source.read(s -> SqliteKeyValues.orderedMap(s.queryList("SELECT chat_id, value "
                + "FROM chat_settings WHERE key = ? AND value IS NOT NULL ORDER BY chat_id",
                row -> Map.entry(row.getLong(1), row.getString(2)), key)));
    }

}
