package dev.chatstore.storage.jdbc;

import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The statement of {@code getChatMessages} for one {@link MessageQuery}, the same for every SQL backend over the
 * shared {@code chat_messages} columns (aliased {@code m}); a backend gives only its select list and the column that
 * breaks ties between messages of the same second (SQLite's {@code rowid}, PostgreSQL's {@code seq}). Immutable.
 *
 * @param sql  the statement text
 * @param args its arguments, in order (Instants and enums as the dialect binds them)
 */
public record MessageQuerySql(String sql, List<Object> args) {
    public MessageQuerySql {
        requireNonNull(sql, "sql is null");
        args = java.util.Collections.unmodifiableList(new ArrayList<>(requireNonNull(args, "args is null")));
    }

    /**
     * @param select    the select list and {@code FROM chat_messages m ...}, ending before {@code WHERE}
     * @param tieColumn the insertion-order column that orders messages of the same date, newest first
     */
    public static MessageQuerySql of(String select, String tieColumn, long chatId, MessageQuery query) {
        StringBuilder sql = new StringBuilder(select).append("WHERE m.chat_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(chatId);
        if (query.since() != null) {
            sql.append(" AND m.date > ?");
            args.add(query.since());
        }
        if (query.till() != null) {
            sql.append(" AND m.date < ?");
            args.add(query.till());
        }
        if (query.threadId() != null) {
            sql.append(" AND m.thread_id = ?");
            args.add(query.threadId());
        }
        if (!query.categories().isEmpty()) {
            sql.append(" AND m.message_category IN (");
            // Enum order, so one category set always yields the same statement text (and cached statement).
            String separator = "";
            for (MessageCategory category : MessageCategory.values()) {
                if (query.categories().contains(category)) {
                    sql.append(separator).append('?');
                    separator = ", ";
                    args.add(category);
                }
            }
            sql.append(')');
        }
        sql.append(" ORDER BY m.date DESC, m.").append(tieColumn).append(" DESC");
        if (query.limit() != null) {
            sql.append(" LIMIT ?");
            args.add(query.limit());
        }
        return new MessageQuerySql(sql.toString(), args);
    }
}
