package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatUser;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@code chat_users}. Not thread-safe: {@link InMemoryChatStore} guards it. */
final class UserTable {
    private record Key(long chatId, long userId) {
    }

    /** Most recently seen first; equal {@code updated_at} (whole seconds) by user id, so the order is total. */
    private static final Comparator<ChatUser> LAST_SEEN_FIRST =
            Comparator.comparing(ChatUser::updatedAt).reversed().thenComparingLong(ChatUser::userId);

    private final Map<Key, ChatUser> rows = new HashMap<>();

    void upsert(long chatId, long userId, String username, String fullName, Instant now) {
        rows.merge(new Key(chatId, userId),
                new ChatUser(chatId, userId, username, fullName, null, 0, now, now, false, ""),
                (stored, fresh) -> new ChatUser(chatId, userId, username, fullName, stored.timezone(),
                        stored.messagesCount(), stored.createdAt(), now, stored.isSpammer(), stored.metadata()));
    }

    Optional<ChatUser> find(long chatId, long userId) {
        return Optional.ofNullable(rows.get(new Key(chatId, userId)));
    }

    /** Usernames are not unique in {@code chat_users}; the most recently seen holder wins. */
    Optional<ChatUser> findByUsername(long chatId, String username) {
        return rows.values().stream()
                .filter(user -> user.chatId() == chatId && user.username().equals(username))
                .min(LAST_SEEN_FIRST);
    }

    List<ChatUser> list(long chatId, int limit, Instant seenSince) {
        return rows.values().stream()
                .filter(user -> user.chatId() == chatId)
                .filter(user -> seenSince == null || !user.updatedAt().isBefore(seenSince))
                .sorted(LAST_SEEN_FIRST).limit(limit).toList();
    }

    /** A counter, not a sighting: {@code updated_at} stays as {@link #upsert} left it. */
    void countMessage(long chatId, long userId) {
        update(chatId, userId, user -> new ChatUser(chatId, userId, user.username(), user.fullName(), user.timezone(),
                user.messagesCount() + 1, user.createdAt(), user.updatedAt(), user.isSpammer(), user.metadata()));
    }

    boolean markSpammer(long chatId, long userId, boolean isSpammer, Instant now) {
        return update(chatId, userId, user -> new ChatUser(chatId, userId, user.username(), user.fullName(),
                user.timezone(), user.messagesCount(), user.createdAt(), now, isSpammer, user.metadata()));
    }

    boolean updateMetadata(long chatId, long userId, String metadata, Instant now) {
        return update(chatId, userId, user -> new ChatUser(chatId, userId, user.username(), user.fullName(),
                user.timezone(), user.messagesCount(), user.createdAt(), now, user.isSpammer(), metadata));
    }

    boolean isMember(long chatId, long userId) {
        return rows.containsKey(new Key(chatId, userId));
    }

    List<Object[]> exportRows(long chatId) {
        return rows.values().stream().filter(u -> u.chatId() == chatId).sorted(Comparator.comparingLong(ChatUser::userId))
                .map(u -> new Object[]{u.chatId(), u.userId(), u.username(), u.fullName(), u.timezone(),
                        u.messagesCount(), u.createdAt(), u.updatedAt(), u.isSpammer(), u.metadata()}).toList();
    }

    void importRow(ChatUser user) {
        rows.put(new Key(user.chatId(), user.userId()), user);
    }

    long deleteChat(long chatId) {
        int before = rows.size();
        rows.keySet().removeIf(key -> key.chatId() == chatId);
        return before - rows.size();
    }

    Set<Long> chatIds() {
        Set<Long> ids = new HashSet<>();
        rows.keySet().forEach(key -> ids.add(key.chatId()));
        return ids;
    }

    private boolean update(long chatId, long userId, UnaryOperator<ChatUser> change) {
        return rows.computeIfPresent(new Key(chatId, userId), (key, user) -> change.apply(user)) != null;
    }
}
