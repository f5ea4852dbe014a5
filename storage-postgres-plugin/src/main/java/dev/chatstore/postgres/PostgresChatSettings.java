package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatSettingsStore;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link ChatSettingsStore}: {@code chat_settings}. Thread-safe. */
final class PostgresChatSettings implements ChatSettingsStore {
    private final PostgresSource source;

    PostgresChatSettings(PostgresSource source) {
        this.source = source;
    }

    @Override
    public void setChatSetting(long chatId, String key, String value) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        Instant now = PostgresTime.now();
        source.write("setChatSetting", s -> s.update("INSERT INTO chat_settings (chat_id, key, value, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, key) DO UPDATE SET value = excluded.value, "
                + "updated_at = excluded.updated_at", chatId, key, value, now, now));
    }

    @Override
    public Optional<String> getChatSetting(long chatId, String key) {
        requireNonNull(key, "key is null");
        return source.read("getChatSetting", s -> s.queryOne("SELECT value FROM chat_settings WHERE chat_id = ? "
                + "AND key = ?", row -> Optional.ofNullable(row.getString(1)), chatId, key)).flatMap(value -> value);
    }

    @Override
    public Map<String, String> getChatSettings(long chatId) {
        return source.read("getChatSettings", s -> PostgresRows.orderedMap(s.queryList("SELECT key, value "
                + "FROM chat_settings WHERE chat_id = ? AND value IS NOT NULL ORDER BY key", PostgresRows::pair,
                chatId)));
    }

    @Override
    public boolean unsetChatSetting(long chatId, String key) {
        requireNonNull(key, "key is null");
        return source.write("unsetChatSetting", s -> s.update("DELETE FROM chat_settings WHERE chat_id = ? "
                + "AND key = ?", chatId, key)) > 0;
    }

    @Override
    public int clearChatSettings(long chatId) {
        return source.write("clearChatSettings", s -> s.update("DELETE FROM chat_settings WHERE chat_id = ?",
                chatId));
    }

    @Override
    public Map<Long, String> listChatsBySetting(String key) {
        requireNonNull(key, "key is null");
        return source.read("listChatsBySetting", s -> PostgresRows.orderedMap(s.queryList("SELECT chat_id, value "
                + "FROM chat_settings WHERE key = ? AND value IS NOT NULL ORDER BY chat_id",
                row -> Map.entry(row.getLong(1), row.getString(2)), key)));
    }
}
