package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.UserDataStore;

import java.util.Map;

/** {@code user_data}: key/value rows per user and chat. */
final class SqliteUserData implements UserDataStore {
    private final JdbcSource source;

    SqliteUserData(JdbcSource source) {
        this.source = source;
    }

    @Override
    public void addUserData(long userId, long chatId, String key, String data) {
        Object now = SqliteTime.now();
        source.write(s -> s.update("INSERT INTO user_data (user_id, chat_id, key, data, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, chat_id, key) DO UPDATE SET "
                + "data = excluded.data, updated_at = excluded.updated_at", userId, chatId, key, data, now, now));
    }

    @Override
    public Map<String, String> getUserData(long userId, long chatId) {
        return source.read(s -> SqliteKeyValues.orderedMap(s.queryList("SELECT key, data FROM user_data "
                + "WHERE user_id = ? AND chat_id = ? ORDER BY key", SqliteKeyValues::pair, userId, chatId)));
    }

    @Override
    public boolean deleteUserData(long userId, long chatId, String key) {
        return source.write(s -> s.update("DELETE FROM user_data WHERE user_id = ? "
                + "AND chat_id = ? AND key = ?", userId, chatId, key)) > 0;
    }

    @Override
    public int clearUserData(long userId, long chatId) {
        return source.write(s -> s.update("DELETE FROM user_data WHERE user_id = ? "
                + "AND chat_id = ?", userId, chatId));
    }

}
