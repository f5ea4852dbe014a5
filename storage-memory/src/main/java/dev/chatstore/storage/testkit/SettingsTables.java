package dev.chatstore.storage.testkit;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The plain key/value tables: {@code settings}, {@code chat_settings} and {@code user_data}. Not thread-safe: the
 * store guards it. Their timestamps are not observable through the SPI, so only values are kept.
 */
final class SettingsTables {
    private record UserInChat(long userId, long chatId) {
    }

    private final SortedMap<String, String> settings = new TreeMap<>(CodePointOrder.INSTANCE);
    private final Map<Long, SortedMap<String, String>> chatSettings = new HashMap<>();
    private final Map<UserInChat, SortedMap<String, String>> userData = new HashMap<>();

    void setSetting(String key, String value) {
        settings.put(key, value);
    }

    Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    Map<String, String> settings() {
        return snapshot(settings);
    }

    void setChatSetting(long chatId, String key, String value) {
        chatSettings.computeIfAbsent(chatId, id -> new TreeMap<>(CodePointOrder.INSTANCE)).put(key, value);
    }

    Optional<String> chatSetting(long chatId, String key) {
        return Optional.ofNullable(chatSettings.getOrDefault(chatId, Collections.emptySortedMap()).get(key));
    }

    Map<String, String> chatSettings(long chatId) {
        return snapshot(chatSettings.getOrDefault(chatId, Collections.emptySortedMap()));
    }

    boolean unsetChatSetting(long chatId, String key) {
        return removeKey(chatSettings, chatId, key);
    }

    int clearChatSettings(long chatId) {
        return sizeOf(chatSettings.remove(chatId));
    }

    Map<Long, String> chatsWithSetting(String key) {
        TreeMap<Long, String> result = new TreeMap<>();
        chatSettings.forEach((chatId, values) -> {
            if (values.containsKey(key)) {
                result.put(chatId, values.get(key));
            }
        });
        return Collections.unmodifiableMap(result);
    }

    void putUserData(long userId, long chatId, String key, String data) {
        userData.computeIfAbsent(new UserInChat(userId, chatId), id -> new TreeMap<>(CodePointOrder.INSTANCE))
                .put(key, data);
    }

    Map<String, String> userData(long userId, long chatId) {
        return snapshot(userData.getOrDefault(new UserInChat(userId, chatId), Collections.emptySortedMap()));
    }

    boolean deleteUserData(long userId, long chatId, String key) {
        return removeKey(userData, new UserInChat(userId, chatId), key);
    }

    int clearUserData(long userId, long chatId) {
        return sizeOf(userData.remove(new UserInChat(userId, chatId)));
    }

    // ChatTransfer: timestamps are not kept here (null).
    List<Object[]> chatSettingRows(long chatId) {
        return chatSettings.getOrDefault(chatId, Collections.emptySortedMap()).entrySet().stream()
                .map(e -> new Object[]{chatId, e.getKey(), e.getValue(), null, null}).toList();
    }

    List<Object[]> userDataRows(long chatId) {
        return userData.entrySet().stream().filter(e -> e.getKey().chatId() == chatId)
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingLong(UserInChat::userId)))
                .flatMap(e -> e.getValue().entrySet().stream().map(v -> new Object[]{e.getKey().userId(), chatId,
                        v.getKey(), v.getValue(), null, null})).toList();
    }

    long deleteChat(long chatId) {
        long deleted = sizeOf(chatSettings.remove(chatId));
        for (var it = userData.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getKey().chatId() == chatId) {
                deleted += entry.getValue().size();
                it.remove();
            }
        }
        return deleted;
    }

    java.util.Set<Long> chatIds() {
        java.util.Set<Long> ids = new java.util.HashSet<>(chatSettings.keySet());
        userData.keySet().forEach(key -> ids.add(key.chatId()));
        return ids;
    }

    private static <K> boolean removeKey(Map<K, SortedMap<String, String>> table, K owner, String key) {
        SortedMap<String, String> values = table.get(owner);
        if (values == null || !values.containsKey(key)) {
            return false;
        }
        values.remove(key);
        if (values.isEmpty()) {
            table.remove(owner);
        }
        return true;
    }

    private static int sizeOf(Map<?, ?> removed) {
        return removed == null ? 0 : removed.size();
    }

    /** An ordered, unmodifiable copy: callers keep it after the lock is released. */
    private static Map<String, String> snapshot(Map<String, String> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
