package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.JdbcSession;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatInfoStore;
import dev.chatstore.storage.spi.ChatSummarization;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.SummarizationKey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ChatInfoStore}: {@code chat_info}, {@code chat_topics} and {@code chat_summarization_cache}. Thread-safe. */
final class PostgresChatInfo implements ChatInfoStore {
    static final String SELECT_INFO = "SELECT chat_id, type, title, username, is_forum, created_at, updated_at "
            + "FROM chat_info ";
    private static final String SELECT_TOPIC = "SELECT chat_id, topic_id, icon_color, icon_custom_emoji_id, name, "
            + "created_at, updated_at FROM chat_topics ";

    private final JdbcSource source;
    private final PostgresReads reads;

    PostgresChatInfo(PostgresReads reads) {
        this.source = reads.source();
        this.reads = reads;
    }

    @Override
    public void updateChatInfo(long chatId, ChatType type, String title, String username, boolean isForum) {
        Instant now = PostgresTime.now();
        source.write(s -> s.update("INSERT INTO chat_info (chat_id, type, title, username, "
                + "is_forum, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET "
                + "type = excluded.type, title = excluded.title, username = excluded.username, "
                + "is_forum = excluded.is_forum, updated_at = excluded.updated_at",
                chatId, type, title, username, isForum, now, now));
    }

    @Override
    public Optional<ChatInfo> getChatInfo(long chatId) {
        return reads.read(Optional.empty(), s -> s.queryOne(SELECT_INFO + "WHERE chat_id = ?",
                PostgresChatInfo::mapInfo, chatId));
    }

    @Override
    public void updateChatTopicInfo(long chatId, long topicId, Integer iconColor, String customEmojiId, String name) {
        Instant now = PostgresTime.now();
        // On update a null argument keeps the stored value; on insert a null name becomes "Default".
        source.write(s -> s.update("INSERT INTO chat_topics AS t (chat_id, topic_id, "
                + "icon_color, icon_custom_emoji_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, "
                + "coalesce(?::text, ?::text), ?, ?) ON CONFLICT (chat_id, topic_id) DO UPDATE SET "
                + "icon_color = coalesce(excluded.icon_color, t.icon_color), "
                + "icon_custom_emoji_id = coalesce(excluded.icon_custom_emoji_id, t.icon_custom_emoji_id), "
                + "name = coalesce(?::text, t.name), updated_at = excluded.updated_at",
                chatId, topicId, iconColor, customEmojiId, name, ChatTopic.DEFAULT_NAME, now, now, name));
    }

    @Override
    public List<ChatTopic> getChatTopics(long chatId) {
        return reads.read(List.of(), s -> s.queryList(SELECT_TOPIC + "WHERE chat_id = ? ORDER BY topic_id",
                PostgresChatInfo::mapTopic, chatId));
    }

    @Override
    public void addChatSummarization(SummarizationKey key, String summary) {
        Instant now = PostgresTime.now();
        source.write(s -> s.update("INSERT INTO chat_summarization_cache (csid, chat_id, "
                + "topic_id, first_message_id, last_message_id, prompt, summary, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (csid) DO UPDATE SET summary = excluded.summary, "
                + "updated_at = excluded.updated_at", key.csid(), key.chatId(), key.topicId(), key.firstMessageId(),
                key.lastMessageId(), key.prompt(), summary, now, now));
    }

    @Override
    public Optional<ChatSummarization> getChatSummarization(SummarizationKey key) {
        return reads.read(Optional.empty(), s -> s.queryOne("SELECT chat_id, topic_id, first_message_id, "
                + "last_message_id, prompt, summary, created_at, updated_at FROM chat_summarization_cache "
                + "WHERE csid = ?", row -> new ChatSummarization(new SummarizationKey(row.getLong(1),
                JdbcSession.nullableLong(row, 2), row.getString(3), row.getString(4), row.getString(5)),
                row.getString(6), PostgresTime.instant(row, 7), PostgresTime.instant(row, 8)), key.csid()));
    }

    static ChatInfo mapInfo(ResultSet row) throws SQLException {
        return new ChatInfo(row.getLong(1), PostgresRows.storedValue(ChatType.class, row.getString(2)),
                row.getString(3), row.getString(4), row.getBoolean(5), PostgresTime.instant(row, 6),
                PostgresTime.instant(row, 7));
    }

    private static ChatTopic mapTopic(ResultSet row) throws SQLException {
        String name = row.getString(5);
        return new ChatTopic(row.getLong(1), row.getLong(2), JdbcSession.nullableInt(row, 3), row.getString(4),
                name == null ? ChatTopic.DEFAULT_NAME : name, PostgresTime.instant(row, 6),
                PostgresTime.instant(row, 7));
    }
}
