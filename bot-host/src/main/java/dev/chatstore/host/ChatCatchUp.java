package dev.chatstore.host;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatRowSink;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.TransferTable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The catch-up of an online move: after the route is switched and every running serve has acknowledged it (no
 * more writes reach the source), brings into the target what the source stored after the copy's snapshot.
 *
 * <p><b>Which rows.</b> Messages are only ever added to a chat, so the source holds {@code n - copied} messages the
 * copy did not see, {@code copied} being the snapshot's count: when that is zero (an idle chat, an archive move)
 * no message is looked at. Otherwise, and for every other table, the candidates are the source's rows whose
 * {@code created_at} or {@code updated_at} is at or after the copy's start less {@link #CLOCK_MARGIN} (writers'
 * clocks may lag the mover's by that much); older rows were in the verified copy. Message candidates are checked
 * in the target one by one; the other tables' candidates (a chat's members, info, topics: small) by one pass over
 * the target. Memory follows the rows of the last minutes, and is bounded for messages
 * ({@link #MESSAGE_BUFFER}; past it the source is read again and candidates checked as they stream).
 *
 * <p><b>How each is brought over</b>, so that nothing is lost or doubled and counters stay exact:
 * <ul>
 *   <li>{@code chat_users} missing in the target, or whose source row is newer, are written with the target's
 *       normal {@code updateChatUser} (and {@code markUserIsSpammer}/{@code updateUserMetadata} when set), which
 *       never touches {@code messages_count}: a copied counter would clobber the increments serve made in the
 *       target since the switch.</li>
 *   <li>{@code chat_messages} missing in the target are <em>replayed</em> through the target's normal
 *       {@code addChatMessages}, which bumps {@code chat_users.messages_count}, {@code chat_stats} and
 *       {@code chat_user_stats} as the source did when it stored them; the exact source rows are then imported
 *       over them (for {@code created_at}; an import touches no counter). A message already in the target (a resend
 *       stored on both sides) is left alone: stored once. Counter tables are never copied here.</li>
 *   <li>Every other table: a row missing in the target is imported; present on both sides, the later
 *       {@code updated_at} (else {@code created_at}) wins, the target on a tie (it is the live copy).</li>
 * </ul>
 * A deletion the source received between the snapshot and the switch (an unset chat setting, say) is not carried
 * over; serve never deletes. Idempotent: run again after a crash, it finds less or nothing to do. Not thread-safe.
 */
final class ChatCatchUp {
    /** How far a writer's clock may lag the mover's. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);
    /** Recent source messages held at most before the catch-up reads the source again instead. */
    static final int MESSAGE_BUFFER = 50_000;
    private static final int BATCH = 500;
    private static final TransferTable M = TransferTable.CHAT_MESSAGES;
    private static final TransferTable U = TransferTable.CHAT_USERS;

    /** What the catch-up did. */
    record Outcome(long newMessages, long replayed, long imported) {
    }

    private final long chatId;
    private final ChatTransfer source;
    private final ChatTransfer target;
    private final ChatStore targetStore;
    private final Instant since;
    private final long copiedMessages;
    private final Copied copied;
    private final List<String> replayedIds = new ArrayList<>();
    private final List<Long> members = new ArrayList<>();

    /**
     * @param copiedMessages the number of messages of the copy's snapshot
     * @param copied         the recent rows the copy wrote, when this run made the copy (null after a restart)
     */
    ChatCatchUp(long chatId, ChatTransfer source, ChatTransfer target, ChatStore targetStore, Instant copyStarted,
                long copiedMessages, Copied copied) {
        this.chatId = chatId;
        this.source = source;
        this.target = target;
        this.targetStore = targetStore;
        this.since = copyStarted.minus(CLOCK_MARGIN);
        this.copiedMessages = copiedMessages;
        this.copied = copied;
    }

    /**
     * Fed the copy's rows: keeps the recent ones of the tables the catch-up compares (not messages, which it counts,
     * nor the daily counters), so that a source row still equal to what the copy wrote is skipped without reading
     * the target. Memory follows the rows of the last minutes. Not thread-safe.
     */
    static final class Copied implements ChatRowSink {
        private final Instant since;
        private final Map<TransferTable, Map<List<Object>, Object[]>> rows = new HashMap<>();

        Copied(Instant copyStarted) {
            this.since = copyStarted.minus(CLOCK_MARGIN);
        }

        @Override
        public void accept(TransferTable table, List<Object[]> batch) {
            if (table == M || table == TransferTable.CHAT_STATS || table == TransferTable.CHAT_USER_STATS) {
                return;
            }
            for (Object[] row : batch) {
                if (isRecent(table, row, since)) {
                    rows.computeIfAbsent(table, t -> new HashMap<>()).put(key(table, row), row.clone());
                }
            }
        }

        boolean unchanged(TransferTable table, List<Object> key, Object[] row) {
            return Arrays.equals(row, rows.getOrDefault(table, Map.of()).get(key));
        }
    }

    Outcome run() {
        Map<TransferTable, Map<List<Object>, Object[]>> recent = new LinkedHashMap<>();
        List<Object[]> recentMessages = new ArrayList<>();
        long[] messages = {0};
        boolean[] overflow = {false};
        source.exportChat(chatId, ChatTransfer.DEFAULT_BATCH, (table, rows) -> {
            if (table == M) {
                messages[0] += rows.size();
                for (Object[] row : rows) {
                    if (!overflow[0] && isRecent(table, row, since)) {
                        recentMessages.add(row);
                        if (recentMessages.size() > MESSAGE_BUFFER) {
                            overflow[0] = true;
                            recentMessages.clear();
                        }
                    }
                }
            } else if (table != TransferTable.CHAT_STATS && table != TransferTable.CHAT_USER_STATS) {
                for (Object[] row : rows) {
                    if (isRecent(table, row, since)) {
                        List<Object> key = key(table, row);
                        if (copied == null || !copied.unchanged(table, key, row)) {
                            recent.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, row);
                        }
                    }
                }
            }
        });
        long newMessages = messages[0] - copiedMessages;
        Map<TransferTable, Map<List<Object>, Object[]>> existing = recent.isEmpty() ? Map.of() : targetRows(recent);

        MoveHooks.at("catching-up");
        long imported = 0;
        for (Object[] member : recent.getOrDefault(U, Map.of()).values()) {
            Object[] current = existing.getOrDefault(U, Map.of()).get(key(U, member));
            if (current == null || newer(U, member, current)) {
                writeMember(member);
                imported++;
            }
            members.add((Long) member[column(U, "user_id")]);
        }
        long replayed = 0;
        if (newMessages > 0) {
            if (!overflow[0]) {
                replayed = replayMissing(recentMessages);
            } else {
                long[] count = {0};
                source.exportChat(chatId, ChatTransfer.DEFAULT_BATCH, (table, rows) -> {
                    if (table == M) {
                        count[0] += replayMissing(rows.stream().filter(row -> isRecent(M, row, since)).toList());
                    }
                });
                replayed = count[0];
            }
        }
        for (Map.Entry<TransferTable, Map<List<Object>, Object[]>> table : recent.entrySet()) {
            if (table.getKey() == U) {
                continue;
            }
            List<Object[]> writes = new ArrayList<>();
            for (Map.Entry<List<Object>, Object[]> row : table.getValue().entrySet()) {
                Object[] current = existing.getOrDefault(table.getKey(), Map.of()).get(row.getKey());
                if (current == null || newer(table.getKey(), row.getValue(), current)) {
                    writes.add(row.getValue());
                }
            }
            for (int i = 0; i < writes.size(); i += BATCH) {
                imported += target.importRows(table.getKey(), writes.subList(i, Math.min(writes.size(), i + BATCH)));
            }
        }
        return new Outcome(Math.max(0, newMessages), replayed, imported);
    }

    /**
     * Checks that the messages replayed and the members brought over are in the target now.
     *
     * @throws StorageException naming the table and what to do
     */
    void verify() {
        long missingMessages = replayedIds.stream()
                .filter(id -> targetStore.getChatMessage(chatId, id).isEmpty()).count();
        long missingMembers = members.stream().filter(id -> targetStore.getChatUser(chatId, id).isEmpty()).count();
        if (missingMessages > 0 || missingMembers > 0) {
            String table = missingMessages > 0 ? "chat_messages lacks " + missingMessages + " of the "
                    + replayedIds.size() + " messages replayed" : "chat_users lacks " + missingMembers + " members";
            throw new StorageException("Verification of chat " + chatId + " after the catch-up failed: table "
                    + table + ". The source is untouched (the route is switched); run move-chat again");
        }
    }

    private long replayMissing(List<Object[]> candidates) {
        List<Object[]> missing = new ArrayList<>();
        long replayed = 0;
        for (Object[] row : candidates) {
            if (targetStore.getChatMessage(chatId, (String) row[column(M, "message_id")]).isEmpty()) {
                missing.add(row);
                if (missing.size() == BATCH) {
                    replayed += replay(missing);
                    missing.clear();
                }
            }
        }
        return replayed + replay(missing);
    }

    private int replay(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        targetStore.addChatMessages(rows.stream().map(ChatCatchUp::message).toList());
        target.importRows(M, rows);
        rows.forEach(row -> replayedIds.add((String) row[column(M, "message_id")]));
        return rows.size();
    }

    private void writeMember(Object[] row) {
        long userId = (Long) row[column(U, "user_id")];
        targetStore.updateChatUser(chatId, userId, text(row[column(U, "username")]),
                text(row[column(U, "full_name")]));
        if (Boolean.TRUE.equals(row[column(U, "is_spammer")])) {
            targetStore.markUserIsSpammer(chatId, userId, true);
        }
        String metadata = text(row[column(U, "metadata")]);
        if (!metadata.isEmpty()) {
            targetStore.updateUserMetadata(chatId, userId, metadata);
        }
    }

    private Map<TransferTable, Map<List<Object>, Object[]>> targetRows(
            Map<TransferTable, Map<List<Object>, Object[]>> wanted) {
        Map<TransferTable, Map<List<Object>, Object[]>> found = new HashMap<>();
        target.exportChat(chatId, ChatTransfer.DEFAULT_BATCH, (table, rows) -> {
            Map<List<Object>, Object[]> keys = wanted.get(table);
            if (keys == null) {
                return;
            }
            for (Object[] row : rows) {
                List<Object> key = key(table, row);
                if (keys.containsKey(key)) {
                    found.computeIfAbsent(table, t -> new HashMap<>()).put(key, row);
                }
            }
        });
        return found;
    }

    private static boolean isRecent(TransferTable table, Object[] row, Instant since) {
        for (String name : List.of("created_at", "updated_at")) {
            int i = column(table, name);
            if (i >= 0 && row[i] instanceof Instant at && !at.isBefore(since)) {
                return true;
            }
        }
        return false;
    }

    private static boolean newer(TransferTable table, Object[] sourceRow, Object[] targetRow) {
        int i = column(table, "updated_at");
        if (i < 0) {
            i = column(table, "created_at");
        }
        if (i < 0) {
            return false;
        }
        Instant s = sourceRow[i] instanceof Instant at ? at : Instant.EPOCH;
        Instant t = targetRow[i] instanceof Instant at ? at : Instant.EPOCH;
        return s.isAfter(t);
    }

    private static List<Object> key(TransferTable table, Object[] row) {
        List<Object> key = new ArrayList<>(table.key().size());
        for (String name : table.key()) {
            key.add(row[column(table, name)]);
        }
        return key;
    }

    private static int column(TransferTable table, String name) {
        return table.columnNames().indexOf(name);
    }

    private static String text(Object value) {
        return value == null ? "" : (String) value;
    }

    private static ChatMessage message(Object[] row) {
        return ChatMessage.builder((Long) row[column(M, "chat_id")], (String) row[column(M, "message_id")],
                        (Long) row[column(M, "user_id")], (Instant) row[column(M, "date")])
                .replyId((String) row[column(M, "reply_id")])
                .threadId(row[column(M, "thread_id")] == null ? 0 : (Long) row[column(M, "thread_id")])
                .rootMessageId((String) row[column(M, "root_message_id")])
                .text(text(row[column(M, "message_text")]))
                .type(parse(() -> MessageType.fromValue((String) row[column(M, "message_type")]), MessageType.UNKNOWN))
                .category(parse(() -> MessageCategory.fromValue((String) row[column(M, "message_category")]),
                        MessageCategory.UNSPECIFIED))
                .quoteText((String) row[column(M, "quote_text")])
                .mediaId((String) row[column(M, "media_id")])
                .build();
    }

    // A value the original bot stored that this build does not know: the exact text is imported right after.
    private static <E> E parse(Supplier<E> parse, E fallback) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
