package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatUser;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code chat_users}, and the chat lists built from it and {@code chat_info}. */
final class SqliteUsers {
    private static final String SELECT = "SELECT chat_id, user_id, username, full_name, timezone, messages_count, "
            + "created_at, updated_at, is_spammer, metadata FROM chat_users ";
    /** Most recently seen first; equal (whole second) times by user id, so the order is total. */
    private static final String LAST_SEEN_FIRST = " ORDER BY updated_at DESC, user_id";

    private final SqliteSource source;

    SqliteUsers(SqliteSource source) {
        this.source = source;
    }

    void updateChatUser(long chatId, long userId, String username, String fullName) {
        requireNonNull(username, "username is null");
        requireNonNull(fullName, "fullName is null");
        Instant now = SqliteTime.now();
        source.write("updateChatUser", s -> s.update("INSERT INTO chat_users (chat_id, user_id, username, full_name, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, user_id) DO UPDATE SET "
                + "username = excluded.username, full_name = excluded.full_name, updated_at = excluded.updated_at",
                chatId, userId, username, fullName, now, now));
    }

    Optional<ChatUser> getChatUser(long chatId, long userId) {
        return source.read("getChatUser", s -> s.queryOne(SELECT + "WHERE chat_id = ? AND user_id = ?",
                SqliteUsers::map, chatId, userId));
    }

    Optional<ChatUser> getChatUserByUsername(long chatId, String username) {
        requireNonNull(username, "username is null");
        return source.read("getChatUserByUsername", s -> s.queryOne(SELECT + "WHERE chat_id = ? AND username = ?"
                + LAST_SEEN_FIRST + " LIMIT 1", SqliteUsers::map, chatId, username));
    }

    List<ChatUser> getChatUsers(long chatId, int limit, Instant seenSince) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        if (seenSince == null) {
            return source.read("getChatUsers", s -> s.queryList(SELECT + "WHERE chat_id = ?" + LAST_SEEN_FIRST
                    + " LIMIT ?", SqliteUsers::map, chatId, limit));
        }
        return source.read("getChatUsers", s -> s.queryList(SELECT + "WHERE chat_id = ? AND updated_at >= ?"
                + LAST_SEEN_FIRST + " LIMIT ?", SqliteUsers::map, chatId, seenSince, limit));
    }

    boolean markUserIsSpammer(long chatId, long userId, boolean isSpammer) {
        return source.write("markUserIsSpammer", s -> s.update("UPDATE chat_users SET is_spammer = ?, updated_at = ? "
                + "WHERE chat_id = ? AND user_id = ?", isSpammer, SqliteTime.now(), chatId, userId)) > 0;
    }

    boolean updateUserMetadata(long chatId, long userId, String metadata) {
        requireNonNull(metadata, "metadata is null");
        return source.write("updateUserMetadata", s -> s.update("UPDATE chat_users SET metadata = ?, updated_at = ? "
                + "WHERE chat_id = ? AND user_id = ?", metadata, SqliteTime.now(), chatId, userId)) > 0;
    }

    List<ChatInfo> getUserChats(long userId) {
        return source.read("getUserChats", s -> s.queryList(SqliteChats.SELECT_INFO + "WHERE chat_id IN "
                + "(SELECT chat_id FROM chat_users WHERE user_id = ?) ORDER BY chat_id", SqliteChats::mapInfo, userId));
    }

    List<ChatInfo> getAllGroupChats() {
        return source.read("getAllGroupChats", s -> s.queryList(SqliteChats.SELECT_INFO
                + "WHERE type IN ('group', 'supergroup') ORDER BY chat_id", SqliteChats::mapInfo));
    }

    List<ChatInfo> findChatsByUsername(String username) {
        requireNonNull(username, "username is null");
        // NOCASE folds ASCII letters only, which is what the contract asks.
        return source.read("findChatsByUsername", s -> s.queryList(SqliteChats.SELECT_INFO
                + "WHERE username = ? COLLATE NOCASE ORDER BY chat_id", SqliteChats::mapInfo, username));
    }

    private static ChatUser map(ResultSet row) throws SQLException {
        String username = row.getString(3);
        String fullName = row.getString(4);
        String metadata = row.getString(10);
        return new ChatUser(row.getLong(1), row.getLong(2), username == null ? "" : username,
                fullName == null ? "" : fullName, row.getString(5), row.getLong(6), SqliteSession.instant(row, 7),
                SqliteSession.instant(row, 8), row.getInt(9) != 0, metadata == null ? "" : metadata);
    }
}
