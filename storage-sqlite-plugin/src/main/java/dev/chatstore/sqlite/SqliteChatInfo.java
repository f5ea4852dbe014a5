package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.JdbcSession;

import dev.chatstore.storage.spi.ChatInfoStore;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatSummarization;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.SummarizationKey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;


/** {@code chat_info}, {@code chat_topics} and {@code chat_summarization_cache}. */
final class SqliteChatInfo implements ChatInfoStore {
    static final String SELECT_INFO = "SELECT chat_id, type, title, username, is_forum, created_at, updated_at "
            + "FROM chat_info ";
    private static final String SELECT_TOPIC = "SELECT chat_id, topic_id, icon_color, icon_custom_emoji_id, name, "
            + "created_at, updated_at FROM chat_topics ";

    private final JdbcSource source;

    SqliteChatInfo(JdbcSource source) {
        this.source = source;
    }

    @Override
    public void updateChatInfo(long chatId, ChatType type, String title, String username, boolean isForum) {
        Instant now = SqliteTime.now();
        source.write(s -> s.update("INSERT INTO chat_info (chat_id, type, title, username, "
                + "is_forum, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET "
                + "type = excluded.type, title = excluded.title, username = excluded.username, "
                + "is_forum = excluded.is_forum, updated_at = excluded.updated_at",
                chatId, type, title, username, isForum, now, now));
    }

    @Override
    public Optional<ChatInfo> getChatInfo(long chatId) {
        return source.read(s -> s.queryOne(SELECT_INFO + "WHERE chat_id = ?", SqliteChatInfo::mapInfo,
                chatId));
    }

    @Override
    public void updateChatTopicInfo(long chatId, long topicId, Integer iconColor, String customEmojiId, String name) {
        Instant now = SqliteTime.now();
        // On update a null argument keeps the stored value; on insert a null name becomes "Default".
        source.write(s -> s.update("INSERT INTO chat_topics (chat_id, topic_id, icon_color, "
                + "icon_custom_emoji_id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, coalesce(?5, ?6), ?7, ?7) "
                + "ON CONFLICT (chat_id, topic_id) DO UPDATE SET icon_color = coalesce(?3, icon_color), "
                + "icon_custom_emoji_id = coalesce(?4, icon_custom_emoji_id), name = coalesce(?5, name), "
                + "updated_at = ?7", chatId, topicId, iconColor, customEmojiId, name, ChatTopic.DEFAULT_NAME, now));
    }

    @Override
    public List<ChatTopic> getChatTopics(long chatId) {
        return source.read(s -> s.queryList(SELECT_TOPIC + "WHERE chat_id = ? ORDER BY topic_id",
                SqliteChatInfo::mapTopic, chatId));
    }

    @Override
    public void addChatSummarization(SummarizationKey key, String summary) {
        Instant now = SqliteTime.now();
        source.write(s -> s.update("INSERT INTO chat_summarization_cache (csid, chat_id, "
                + "topic_id, first_message_id, last_message_id, prompt, summary, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (csid) DO UPDATE SET summary = excluded.summary, "
                + "updated_at = excluded.updated_at", key.csid(), key.chatId(), key.topicId(), key.firstMessageId(),
                key.lastMessageId(), key.prompt(), summary, now, now));
    }

    @Override
    public Optional<ChatSummarization> getChatSummarization(SummarizationKey key) {
        return source.read(s -> s.queryOne("SELECT chat_id, topic_id, first_message_id, "
                + "last_message_id, prompt, summary, created_at, updated_at FROM chat_summarization_cache "
                + "WHERE csid = ?", row -> new ChatSummarization(new SummarizationKey(row.getLong(1),
                JdbcSession.nullableLong(row, 2), row.getString(3), row.getString(4), row.getString(5)),
                row.getString(6), SqliteRows.instant(row, 7), SqliteRows.instant(row, 8)), key.csid()));
    }

    static ChatInfo mapInfo(ResultSet row) throws SQLException {
        return new ChatInfo(row.getLong(1), SqliteRows.storedValue(ChatType.class, row.getString(2)), row.getString(3), row.getString(4),
                row.getInt(5) != 0, SqliteRows.instant(row, 6), SqliteRows.instant(row, 7));
    }

    private static ChatTopic mapTopic(ResultSet row) throws SQLException {
        String name = row.getString(5);
        return new ChatTopic(row.getLong(1), row.getLong(2), JdbcSession.nullableInt(row, 3), row.getString(4),
                name == null ? ChatTopic.DEFAULT_NAME : name, SqliteRows.instant(row, 6),
                SqliteRows.instant(row, 7));
    }
}
