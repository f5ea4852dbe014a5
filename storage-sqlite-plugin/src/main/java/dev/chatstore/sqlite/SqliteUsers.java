package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.JdbcSession;

import dev.chatstore.storage.spi.UserStore;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatUser;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;


/** {@code chat_users}, and the chat lists built from it and {@code chat_info}. */
final class SqliteUsers implements UserStore {
    private static final String SELECT = "SELECT chat_id, user_id, username, full_name, timezone, messages_count, "
            + "created_at, updated_at, is_spammer, metadata FROM chat_users ";
    /** Most recently seen first; equal (whole second) times by user id, so the order is total. */
    private static final String LAST_SEEN_FIRST = " ORDER BY updated_at DESC, user_id";

    private final JdbcSource source;

    SqliteUsers(JdbcSource source) {
        this.source = source;
    }

    @Override
    public void updateChatUser(long chatId, long userId, String username, String fullName) {
        String now = SqliteTime.nowText();
        source.write(s -> s.update("INSERT INTO chat_users (chat_id, user_id, username, full_name, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, user_id) DO UPDATE SET "
                + "username = excluded.username, full_name = excluded.full_name, updated_at = excluded.updated_at",
                chatId, userId, username, fullName, now, now));
    }

    @Override
    public Optional<ChatUser> getChatUser(long chatId, long userId) {
        return source.read(s -> s.queryOne(SELECT + "WHERE chat_id = ? AND user_id = ?",
                SqliteUsers::map, chatId, userId));
    }

    @Override
    public Optional<ChatUser> getChatUserByUsername(long chatId, String username) {
        return source.read(s -> s.queryOne(SELECT + "WHERE chat_id = ? AND username = ?"
                + LAST_SEEN_FIRST + " LIMIT 1", SqliteUsers::map, chatId, username));
    }

    @Override
    public List<ChatUser> getChatUsers(long chatId, int limit, Instant seenSince) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        if (seenSince == null) {
            return source.read(s -> s.queryList(SELECT + "WHERE chat_id = ?" + LAST_SEEN_FIRST
                    + " LIMIT ?", SqliteUsers::map, chatId, limit));
        }
        return source.read(s -> s.queryList(SELECT + "WHERE chat_id = ? AND updated_at >= ?"
                + LAST_SEEN_FIRST + " LIMIT ?", SqliteUsers::map, chatId, seenSince, limit));
    }

    @Override
    public boolean markUserIsSpammer(long chatId, long userId, boolean isSpammer) {
        return source.write(s -> s.update("UPDATE chat_users SET is_spammer = ?, updated_at = ? "
                + "WHERE chat_id = ? AND user_id = ?", isSpammer, SqliteTime.now(), chatId, userId)) > 0;
    }

    @Override
    public boolean updateUserMetadata(long chatId, long userId, String metadata) {
        return source.write(s -> s.update("UPDATE chat_users SET metadata = ?, updated_at = ? "
                + "WHERE chat_id = ? AND user_id = ?", metadata, SqliteTime.now(), chatId, userId)) > 0;
    }

    @Override
    public List<ChatInfo> getUserChats(long userId) {
        return source.read(s -> s.queryList(SqliteChatInfo.SELECT_INFO + "WHERE chat_id IN "
                + "(SELECT chat_id FROM chat_users WHERE user_id = ?) ORDER BY chat_id", SqliteChatInfo::mapInfo, userId));
    }

    @Override
    public List<ChatInfo> getAllGroupChats() {
        return source.read(s -> s.queryList(SqliteChatInfo.SELECT_INFO
                + "WHERE type IN ('group', 'supergroup') ORDER BY chat_id", SqliteChatInfo::mapInfo));
    }

    @Override
    public List<ChatInfo> findChatsByUsername(String username) {
        // NOCASE folds ASCII letters only, which is what the contract asks.
        return source.read(s -> s.queryList(SqliteChatInfo.SELECT_INFO
                + "WHERE username = ? COLLATE NOCASE ORDER BY chat_id", SqliteChatInfo::mapInfo, username));
    }

    private static ChatUser map(ResultSet row) throws SQLException {
        String username = row.getString(3);
        String fullName = row.getString(4);
        String metadata = row.getString(10);
        return new ChatUser(row.getLong(1), row.getLong(2), username == null ? "" : username,
                fullName == null ? "" : fullName, row.getString(5), row.getLong(6), SqliteRows.instant(row, 7),
                SqliteRows.instant(row, 8), row.getInt(9) != 0, metadata == null ? "" : metadata);
    }
}
