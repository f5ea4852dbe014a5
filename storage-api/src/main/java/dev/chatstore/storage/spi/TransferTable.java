package dev.chatstore.storage.spi;

import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * One table of a chat's data as {@link ChatTransfer} moves it: name, columns in order, primary key, and how its rows
 * belong to a chat. The list {@link #ALL} is data, not per-backend code: every SQL backend uses these table and
 * column names (spec/schema.md), so one generic implementation serves them all, and a row exported by one backend
 * imports into any other. Immutable.
 *
 * @param chatScoped true when the table has a {@code chat_id} column naming the chat; false for
 *                   {@code media_attachments}, whose rows belong to a chat through {@code chat_messages.media_id}
 *                   and may be shared by several chats (they are copied, never deleted with a chat)
 */
public record TransferTable(String name, List<TransferColumn> columns, List<String> key, boolean chatScoped) {
    private static final TransferColumn.Kind I = TransferColumn.Kind.INTEGER;
    private static final TransferColumn.Kind T = TransferColumn.Kind.TEXT;
    private static final TransferColumn.Kind TS = TransferColumn.Kind.TIMESTAMP;
    private static final TransferColumn.Kind B = TransferColumn.Kind.BOOLEAN;
    private static final TransferColumn.Kind R = TransferColumn.Kind.REAL;

    public static final TransferTable CHAT_INFO = table("chat_info", true, List.of("chat_id"),
            "chat_id", I, "title", T, "username", T, "type", T, "is_forum", B, "created_at", TS, "updated_at", TS);
    public static final TransferTable CHAT_USERS = table("chat_users", true, List.of("chat_id", "user_id"),
            "chat_id", I, "user_id", I, "username", T, "full_name", T, "timezone", T, "messages_count", I,
            "created_at", TS, "updated_at", TS, "is_spammer", B, "metadata", T);
    public static final TransferTable CHAT_MESSAGES = table("chat_messages", true, List.of("chat_id", "message_id"),
            "chat_id", I, "message_id", T, "date", TS, "user_id", I, "reply_id", T, "thread_id", I,
            "root_message_id", T, "message_text", T, "message_type", T, "message_category", T, "quote_text", T,
            "media_id", T, "created_at", TS);
    public static final TransferTable CHAT_STATS = table("chat_stats", true, List.of("chat_id", "date"),
            "chat_id", I, "date", TS, "messages_count", I, "created_at", TS, "updated_at", TS);
    public static final TransferTable CHAT_USER_STATS = table("chat_user_stats", true,
            List.of("chat_id", "user_id", "date"), "chat_id", I, "user_id", I, "date", TS, "messages_count", I,
            "created_at", TS, "updated_at", TS);
    public static final TransferTable CHAT_SETTINGS = table("chat_settings", true, List.of("chat_id", "key"),
            "chat_id", I, "key", T, "value", T, "created_at", TS, "updated_at", TS);
    public static final TransferTable CHAT_TOPICS = table("chat_topics", true, List.of("chat_id", "topic_id"),
            "chat_id", I, "topic_id", I, "icon_color", I, "icon_custom_emoji_id", T, "name", T, "created_at", TS,
            "updated_at", TS);
    public static final TransferTable SUMMARIZATIONS = table("chat_summarization_cache", true, List.of("csid"),
            "csid", T, "chat_id", I, "topic_id", I, "first_message_id", T, "last_message_id", T, "prompt", T,
            "summary", T, "created_at", TS, "updated_at", TS);
    public static final TransferTable USER_DATA = table("user_data", true, List.of("user_id", "chat_id", "key"),
            "user_id", I, "chat_id", I, "key", T, "data", T, "created_at", TS, "updated_at", TS);
    public static final TransferTable SPAM_MESSAGES = table("spam_messages", true,
            List.of("chat_id", "user_id", "message_id"), "chat_id", I, "user_id", I, "message_id", T, "text", T,
            "reason", T, "score", R, "created_at", TS, "updated_at", TS);
    public static final TransferTable HAM_MESSAGES = table("ham_messages", true,
            List.of("chat_id", "user_id", "message_id"), "chat_id", I, "user_id", I, "message_id", T, "text", T,
            "reason", T, "score", R, "created_at", TS, "updated_at", TS);
    public static final TransferTable MEDIA = table("media_attachments", false, List.of("file_unique_id"),
            "file_unique_id", T, "file_id", T, "file_size", I, "media_type", T, "metadata", T, "status", T,
            "mime_type", T, "local_url", T, "prompt", T, "description", T, "created_at", TS, "updated_at", TS);

    /**
     * Every table of a chat, in import order: media first (messages reference it), then chat info, members,
     * messages and the rest.
     */
    public static final List<TransferTable> ALL = List.of(MEDIA, CHAT_INFO, CHAT_USERS, CHAT_MESSAGES, CHAT_STATS,
            CHAT_USER_STATS, CHAT_SETTINGS, CHAT_TOPICS, SUMMARIZATIONS, USER_DATA, SPAM_MESSAGES, HAM_MESSAGES);

    public TransferTable {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        List<String> names = columns.stream().map(TransferColumn::name).toList();
        if (!names.containsAll(key) || key.isEmpty()) {
            throw new IllegalArgumentException("key " + key + " of " + name + " is not among its columns " + names);
        }
    }

    /** The table named {@code name} in {@link #ALL}. */
    public static TransferTable named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No transfer table '" + name + "'; known: "
                        + ALL.stream().map(TransferTable::name).collect(Collectors.joining(", "))));
    }

    /** Column names in order. */
    public List<String> columnNames() {
        return columns.stream().map(TransferColumn::name).toList();
    }

    private static TransferTable table(String name, boolean chatScoped, List<String> key, Object... pairs) {
        TransferColumn[] columns = new TransferColumn[pairs.length / 2];
        for (int i = 0; i < pairs.length; i += 2) {
            columns[i / 2] = new TransferColumn((String) pairs[i], (TransferColumn.Kind) pairs[i + 1]);
        }
        return new TransferTable(name, List.of(columns), key, chatScoped);
    }
}
