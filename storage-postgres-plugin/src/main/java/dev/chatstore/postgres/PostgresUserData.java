package dev.chatstore.postgres;

import dev.chatstore.storage.spi.UserDataStore;

import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** {@link UserDataStore}: {@code user_data}. Thread-safe. */
final class PostgresUserData implements UserDataStore {
    private final PostgresSource source;

    PostgresUserData(PostgresSource source) {
        this.source = source;
    }

    @Override
    public void addUserData(long userId, long chatId, String key, String data) {
        requireNonNull(key, "key is null");
        requireNonNull(data, "data is null");
        Instant now = PostgresTime.now();
        source.write("addUserData", s -> s.update("INSERT INTO user_data (user_id, chat_id, key, data, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, chat_id, key) DO UPDATE SET "
                + "data = excluded.data, updated_at = excluded.updated_at", userId, chatId, key, data, now, now));
    }

    @Override
    public Map<String, String> getUserData(long userId, long chatId) {
        return source.read("getUserData", s -> PostgresRows.orderedMap(s.queryList("SELECT key, data FROM user_data "
                + "WHERE user_id = ? AND chat_id = ? ORDER BY key", PostgresRows::pair, userId, chatId)));
    }

    @Override
    public boolean deleteUserData(long userId, long chatId, String key) {
        requireNonNull(key, "key is null");
        return source.write("deleteUserData", s -> s.update("DELETE FROM user_data WHERE user_id = ? "
                + "AND chat_id = ? AND key = ?", userId, chatId, key)) > 0;
    }

    @Override
    public int clearUserData(long userId, long chatId) {
        return source.write("clearUserData", s -> s.update("DELETE FROM user_data WHERE user_id = ? "
                + "AND chat_id = ?", userId, chatId));
    }
}
