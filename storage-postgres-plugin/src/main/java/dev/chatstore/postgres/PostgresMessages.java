package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.MessageQuerySql;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.DuplicateMessageException;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageStore;
import dev.chatstore.storage.spi.MessageType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** {@link MessageStore}: {@code chat_messages}, and the counters a stored message bumps. Thread-safe. */
final class PostgresMessages implements MessageStore {
    // LEFT JOIN: a message whose sender has no chat_users row is still returned, with empty author fields.
    private static final String SELECT = "SELECT m.chat_id, m.message_id, m.date, m.user_id, m.reply_id, "
            + "m.thread_id, m.root_message_id, m.message_text, m.message_type, m.message_category, m.quote_text, "
            + "m.media_id, u.username, u.full_name FROM chat_messages m LEFT JOIN chat_users u "
            + "ON u.chat_id = m.chat_id AND u.user_id = m.user_id ";
    private static final String INSERT = "INSERT INTO chat_messages (chat_id, message_id, date, user_id, reply_id, "
            + "thread_id, root_message_id, message_text, message_type, message_category, quote_text, media_id, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, message_id) DO NOTHING";
    private static final String BUMP_USER = "UPDATE chat_users SET messages_count = messages_count + ? "
            + "WHERE chat_id = ? AND user_id = ?";
    private static final String BUMP_CHAT_DAY = "INSERT INTO chat_stats AS s (chat_id, date, messages_count, "
            + "created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, date) DO UPDATE SET "
            + "messages_count = s.messages_count + excluded.messages_count, updated_at = excluded.updated_at";
    private static final String BUMP_USER_DAY = "INSERT INTO chat_user_stats AS s (chat_id, user_id, date, "
            + "messages_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, user_id, date) "
            + "DO UPDATE SET messages_count = s.messages_count + excluded.messages_count, "
            + "updated_at = excluded.updated_at";

    /**
     * {@link #addChatMessage} in one statement, so one round trip in auto-commit mode instead of five (BEGIN with
     * the insert, three counter bumps, COMMIT): the counters are bumped only when the insert stored a row (they
     * select from its RETURNING), and the statement is atomic on its own. PostgreSQL runs the unreferenced
     * sub-statements last to first, so they are written member day, chat day, member counter: they then lock the
     * counter rows in the order {@link #addChatMessages} does (member, chat day, member day), and a single message
     * and a batch do not deadlock on each other (PostgresLockOrderTest pins this). Parameters: the insert's 13,
     * then chat, user, day, now, now (member day), chat, day, now, now (chat day), chat, user (member counter).
     */
    static final String ADD_ONE = "WITH m AS (" + INSERT + " RETURNING 1), "
            + "ud AS (INSERT INTO chat_user_stats AS s (chat_id, user_id, date, messages_count, created_at, updated_at) "
            + "SELECT ?::bigint, ?::bigint, ?::timestamptz, 1, ?::timestamptz, ?::timestamptz FROM m "
            + "ON CONFLICT (chat_id, user_id, date) DO UPDATE SET messages_count = s.messages_count + 1, "
            + "updated_at = excluded.updated_at), "
            + "d AS (INSERT INTO chat_stats AS s (chat_id, date, messages_count, created_at, updated_at) "
            + "SELECT ?::bigint, ?::timestamptz, 1, ?::timestamptz, ?::timestamptz FROM m "
            + "ON CONFLICT (chat_id, date) DO UPDATE SET messages_count = s.messages_count + 1, "
            + "updated_at = excluded.updated_at), "
            + "u AS (UPDATE chat_users SET messages_count = messages_count + 1 WHERE chat_id = ? AND user_id = ? "
            + "AND EXISTS (SELECT 1 FROM m)) "
            + "SELECT count(*) FROM m";

    // Ordered keys: two writers bump shared counter rows in the same order, which keeps deadlocks rare.
    private record Member(long chatId, long userId) implements Comparable<Member> {
        @Override
        public int compareTo(Member o) {
            int c = Long.compare(chatId, o.chatId);
            return c != 0 ? c : Long.compare(userId, o.userId);
        }
    }

    private record ChatDay(long chatId, Instant day) implements Comparable<ChatDay> {
        @Override
        public int compareTo(ChatDay o) {
            int c = Long.compare(chatId, o.chatId);
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    private record MemberDay(Member member, Instant day) implements Comparable<MemberDay> {
        @Override
        public int compareTo(MemberDay o) {
            int c = member.compareTo(o.member);
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    private final JdbcSource source;
    private final PostgresReads reads;

    PostgresMessages(PostgresReads reads) {
        this.source = reads.source();
        this.reads = reads;
    }

    /** One statement ({@link #ADD_ONE}); a duplicate changes nothing and is reported. */
    @Override
    public void addChatMessage(ChatMessage message) {
        Instant now = PostgresTime.now();
        Instant day = PostgresTime.day(message.date());
        long chat = message.chatId();
        long user = message.userId();
        Object[] args = new Object[13 + 2 + 4 + 5];
        System.arraycopy(insertArgs(message, now), 0, args, 0, 13);
        Object[] rest = {chat, user, day, now, now, chat, day, now, now, chat, user};
        System.arraycopy(rest, 0, args, 13, rest.length);
        long stored = source.write(s -> s.queryLong(ADD_ONE, 0, args));
        if (stored == 0) {
            throw new DuplicateMessageException(source.name(), message.chatId(), message.messageId());
        }
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
        Instant now = PostgresTime.now();
        return source.transaction(s -> {
            int[] inserted = PostgresRows.batch(s, INSERT, messages, message -> insertArgs(message, now));
            Map<Member, Integer> members = new TreeMap<>();
            Map<ChatDay, Integer> chatDays = new TreeMap<>();
            Map<MemberDay, Integer> memberDays = new TreeMap<>();
            int stored = 0;
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] > 0) {
                    ChatMessage message = messages.get(i);
                    Instant day = PostgresTime.day(message.date());
                    Member member = new Member(message.chatId(), message.userId());
                    members.merge(member, 1, Integer::sum);
                    chatDays.merge(new ChatDay(message.chatId(), day), 1, Integer::sum);
                    memberDays.merge(new MemberDay(member, day), 1, Integer::sum);
                    stored++;
                }
            }
            PostgresRows.batch(s, BUMP_USER, members.entrySet(), e -> new Object[]{e.getValue(), e.getKey().chatId(),
                    e.getKey().userId()});
            PostgresRows.batch(s, BUMP_CHAT_DAY, chatDays.entrySet(), e -> new Object[]{e.getKey().chatId(), e.getKey().day(),
                    e.getValue(), now, now});
            PostgresRows.batch(s, BUMP_USER_DAY, memberDays.entrySet(), e -> new Object[]{e.getKey().member().chatId(),
                    e.getKey().member().userId(), e.getKey().day(), e.getValue(), now, now});
            return stored;
        });
    }

    @Override
    public List<ChatMessage> getChatMessages(long chatId, MessageQuery query) {
        MessageQuerySql statement = MessageQuerySql.of(SELECT, "seq", chatId, query);
        return reads.read(List.of(), s -> s.queryList(statement.sql(), PostgresMessages::map,
                statement.args().toArray()));
    }

    @Override
    public Optional<ChatMessage> getChatMessage(long chatId, String messageId) {
        return reads.read(Optional.empty(), s -> s.queryOne(SELECT + "WHERE m.chat_id = ? AND m.message_id = ?",
                PostgresMessages::map, chatId, messageId));
    }

    @Override
    public List<ChatMessage> getChatMessagesByRootId(long chatId, String rootMessageId, Long threadId) {
        if (threadId == null) {
            return reads.read(List.of(), s -> s.queryList(SELECT + "WHERE m.chat_id = ? "
                    + "AND m.root_message_id = ? ORDER BY m.date, m.seq", PostgresMessages::map, chatId,
                    rootMessageId));
        }
        return reads.read(List.of(), s -> s.queryList(SELECT + "WHERE m.chat_id = ? "
                        + "AND m.root_message_id = ? AND m.thread_id = ? ORDER BY m.date, m.seq",
                PostgresMessages::map, chatId, rootMessageId, threadId));
    }

    @Override
    public List<ChatMessage> getChatMessagesByUser(long chatId, long userId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return reads.read(List.of(), s -> s.queryList(SELECT + "WHERE m.chat_id = ? "
                + "AND m.user_id = ? ORDER BY m.date DESC, m.seq DESC LIMIT ?", PostgresMessages::map, chatId, userId,
                limit));
    }

    @Override
    public boolean updateChatMessageCategory(long chatId, String messageId, MessageCategory category) {
        return source.write(s -> s.update("UPDATE chat_messages "
                + "SET message_category = ? WHERE chat_id = ? AND message_id = ?", category, chatId, messageId)) > 0;
    }

    private static Object[] insertArgs(ChatMessage m, Instant now) {
        return new Object[]{m.chatId(), m.messageId(), m.date(), m.userId(), m.replyId(), m.threadId(),
                m.rootMessageId(), m.text(), m.type(), m.category(), m.quoteText(), m.mediaId(), now};
    }

    private static ChatMessage map(ResultSet row) throws SQLException {
        return new ChatMessage(row.getLong(1), row.getString(2), PostgresTime.instant(row, 3), row.getLong(4),
                row.getString(5), row.getLong(6), row.getString(7), row.getString(8),
                PostgresRows.storedValue(MessageType.class, row.getString(9)),
                PostgresRows.storedValue(MessageCategory.class, row.getString(10)), row.getString(11),
                row.getString(12), row.getString(13), row.getString(14));
    }
}
