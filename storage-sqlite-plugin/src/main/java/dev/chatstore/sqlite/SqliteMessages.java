package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.MessageQuerySql;
import dev.chatstore.storage.jdbc.JdbcSession;

import dev.chatstore.storage.spi.MessageStore;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.DuplicateMessageException;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code chat_messages}, and the counters a stored message bumps ({@code chat_users}, {@code chat_stats}, ...). */
final class SqliteMessages implements MessageStore {
    // Author fields come from chat_users by a LEFT JOIN: unlike the original's inner join, a message whose sender
    // has no chat_users row is still returned, with empty author fields.
    private static final String SELECT = "SELECT m.chat_id, m.message_id, m.date, m.user_id, m.reply_id, "
            + "m.thread_id, m.root_message_id, m.message_text, m.message_type, m.message_category, m.quote_text, "
            + "m.media_id, u.username, u.full_name FROM chat_messages m LEFT JOIN chat_users u "
            + "ON u.chat_id = m.chat_id AND u.user_id = m.user_id ";
    // A thread is its root (its own root, found by the primary key) and the replies to it (the partial index
    // chatstore_chat_messages_replies, which holds only rows whose root is another message: V5__index_budget.sql).
    private static final String THREAD = "WHERE m.rowid IN (SELECT rowid FROM chat_messages WHERE chat_id = ?1 "
            + "AND root_message_id = ?2 AND root_message_id <> message_id UNION ALL SELECT rowid FROM chat_messages "
            + "WHERE chat_id = ?1 AND message_id = ?2 AND root_message_id = ?2)";
    private static final String INSERT = "INSERT INTO chat_messages (chat_id, message_id, date, user_id, reply_id, "
            + "thread_id, root_message_id, message_text, message_type, message_category, quote_text, media_id, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, message_id) DO NOTHING";
    private static final String BUMP_USER = "UPDATE chat_users SET messages_count = messages_count + ? "
            + "WHERE chat_id = ? AND user_id = ?";
    private static final String BUMP_CHAT_DAY = "INSERT INTO chat_stats (chat_id, date, messages_count, created_at, "
            + "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, date) DO UPDATE SET "
            + "messages_count = messages_count + excluded.messages_count, updated_at = excluded.updated_at";
    private static final String BUMP_USER_DAY = "INSERT INTO chat_user_stats (chat_id, user_id, date, messages_count, "
            + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, user_id, date) DO UPDATE SET "
            + "messages_count = messages_count + excluded.messages_count, updated_at = excluded.updated_at";

    private record Member(long chatId, long userId) {
    }

    private record ChatDay(long chatId, String day) {
    }

    private record MemberDay(long chatId, long userId, String day) {
    }

    private final JdbcSource source;

    SqliteMessages(JdbcSource source) {
        this.source = source;
    }

    @Override
    public void addChatMessage(ChatMessage message) {
        // Formatted once here rather than by the dialect at each of its five binds (and the day's two).
        String now = SqliteTime.nowText();
        String day = SqliteTime.day(message.date());
        source.transaction(s -> {
            if (s.update(INSERT, insertArgs(message, now)) == 0) {
                throw new DuplicateMessageException(source.name(), message.chatId(), message.messageId());
            }
            s.update(BUMP_USER, 1, message.chatId(), message.userId());
            s.update(BUMP_CHAT_DAY, message.chatId(), day, 1, now, now);
            s.update(BUMP_USER_DAY, message.chatId(), message.userId(), day, 1, now, now);
            return null;
        });
    }

    /**
     * One transaction for the whole list: the inserts run as one JDBC batch, and the counters are bumped once per
     * user and per day with the number of rows actually stored (a duplicate changes nothing).
     */
    @Override
    public int addChatMessages(List<ChatMessage> messages) {
        for (ChatMessage message : messages) {
            requireNonNull(message, "messages holds a null element");
        }
        if (messages.isEmpty()) {
            return 0;
        }
        String now = SqliteTime.nowText();
        return source.transaction(s -> {
            int[] inserted = batch(s, s.prepare(INSERT), messages, message -> insertArgs(message, now));
            Map<Member, Integer> members = new HashMap<>();
            Map<ChatDay, Integer> chatDays = new HashMap<>();
            Map<MemberDay, Integer> memberDays = new HashMap<>();
            int stored = 0;
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] > 0) {
                    ChatMessage message = messages.get(i);
                    String day = SqliteTime.day(message.date());
                    members.merge(new Member(message.chatId(), message.userId()), 1, Integer::sum);
                    chatDays.merge(new ChatDay(message.chatId(), day), 1, Integer::sum);
                    memberDays.merge(new MemberDay(message.chatId(), message.userId(), day), 1, Integer::sum);
                    stored++;
                }
            }
            batch(s, s.prepare(BUMP_USER), members.entrySet(), e -> new Object[]{e.getValue(), e.getKey().chatId(),
                    e.getKey().userId()});
            batch(s, s.prepare(BUMP_CHAT_DAY), chatDays.entrySet(), e -> new Object[]{e.getKey().chatId(),
                    e.getKey().day(), e.getValue(), now, now});
            batch(s, s.prepare(BUMP_USER_DAY), memberDays.entrySet(), e -> new Object[]{e.getKey().chatId(),
                    e.getKey().userId(), e.getKey().day(), e.getValue(), now, now});
            return stored;
        });
    }

    @Override
    public List<ChatMessage> getChatMessages(long chatId, MessageQuery query) {
        MessageQuerySql statement = MessageQuerySql.of(SELECT, "rowid", chatId, query);
        return source.read(s -> s.queryList(statement.sql(), SqliteMessages::map, statement.args().toArray()));
    }

    @Override
    public Optional<ChatMessage> getChatMessage(long chatId, String messageId) {
        return source.read(s -> s.queryOne(SELECT + "WHERE m.chat_id = ? AND m.message_id = ?",
                SqliteMessages::map, chatId, messageId));
    }

    @Override
    public List<ChatMessage> getChatMessagesByRootId(long chatId, String rootMessageId, Long threadId) {
        if (threadId == null) {
            return source.read(s -> s.queryList(SELECT + THREAD
                    + " ORDER BY m.date, m.rowid", SqliteMessages::map, chatId, rootMessageId));
        }
        return source.read(s -> s.queryList(SELECT + THREAD
                + " AND m.thread_id = ?3 ORDER BY m.date, m.rowid", SqliteMessages::map, chatId, rootMessageId, threadId));
    }

    @Override
    public List<ChatMessage> getChatMessagesByUser(long chatId, long userId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return source.read(s -> s.queryList(SELECT + "WHERE m.chat_id = ? AND m.user_id = ? "
                + "ORDER BY m.date DESC, m.rowid DESC LIMIT ?", SqliteMessages::map, chatId, userId, limit));
    }

    @Override
    public boolean updateChatMessageCategory(long chatId, String messageId, MessageCategory category) {
        return source.write(s -> s.update("UPDATE chat_messages SET message_category = ? "
                + "WHERE chat_id = ? AND message_id = ?", category, chatId, messageId)) > 0;
    }

    /** @param now the stored form of the current time ({@link SqliteTime#format}) */
    private static Object[] insertArgs(ChatMessage m, String now) {
        return new Object[]{m.chatId(), m.messageId(), m.date(), m.userId(), m.replyId(), m.threadId(),
                m.rootMessageId(), m.text(), m.type(), m.category(), m.quoteText(), m.mediaId(), now};
    }

    private static ChatMessage map(ResultSet row) throws SQLException {
        return new ChatMessage(row.getLong(1), row.getString(2), SqliteTime.parseOrEpoch(row.getString(3)),
                row.getLong(4), row.getString(5), row.getLong(6), row.getString(7), row.getString(8),
                SqliteRows.storedValue(MessageType.class, row.getString(9)), SqliteRows.storedValue(MessageCategory.class, row.getString(10)),
                row.getString(11), row.getString(12), row.getString(13), row.getString(14));
    }

    @FunctionalInterface
    private interface Binder<T> {
        Object[] args(T item);
    }

    private static <T> int[] batch(JdbcSession session, PreparedStatement statement, Iterable<T> items,
            Binder<T> binder)
            throws SQLException {
        statement.clearBatch();
        for (T item : items) {
            session.bind(statement, binder.args(item));
            statement.addBatch();
        }
        return statement.executeBatch();
    }
}
