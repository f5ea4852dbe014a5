package dev.chatstore.host;

import dev.chatstore.storage.spi.ChatDigest;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.TransferTable;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catch-up's rules between two real stores (the in-memory backend, a {@code ChatTransfer} like SQL's): what the
 * source stored after the copy arrives once, counters come out as if every message had gone to one store, and a
 * second run changes nothing.
 */
class ChatCatchUpTest {
    private static final long CHAT = -1005000000001L;
    private static final long OLD = 1L;
    private static final long NEW_IN_SOURCE = 2L;
    private static final long NEW_IN_BOTH = 3L;
    private static final Instant DAY = Instant.parse("2024-06-01T10:00:00Z");

    @Test
    void bringsOverWhatTheSourceStoredSinceTheCopyWithExactCounters() {
        try (InMemoryChatStore source = new InMemoryChatStore("source");
             InMemoryChatStore target = new InMemoryChatStore("target")) {
            source.updateChatInfo(CHAT, ChatType.SUPERGROUP, "Group", null, false);
            source.updateChatUser(CHAT, OLD, "@old", "Old");
            add(source, OLD, 1, 10);
            Instant copyStarted = Instant.now();
            ChatCatchUp.Copied copiedRows = new ChatCatchUp.Copied(copyStarted);
            source.exportChat(CHAT, 3, (table, rows) -> {
                copiedRows.accept(table, rows);
                target.importRows(table, rows);
            });
            long copied = 10;

            // Between the snapshot and serve's acknowledgement: the source takes more, from known and new members.
            add(source, OLD, 11, 15);
            source.updateChatUser(CHAT, NEW_IN_SOURCE, "@two", "Two");
            add(source, NEW_IN_SOURCE, 16, 18);
            source.updateChatUser(CHAT, NEW_IN_BOTH, "@three", "Three");
            add(source, NEW_IN_BOTH, 19, 20);
            // After the switch: serve writes the target, members first as the ingester does per source.
            add(target, OLD, 21, 24);
            target.updateChatUser(CHAT, NEW_IN_BOTH, "@three", "Three");
            add(target, NEW_IN_BOTH, 25, 27);

            ChatCatchUp catchUp = new ChatCatchUp(CHAT, source, target, target, copyStarted, copied, copiedRows);
            ChatCatchUp.Outcome outcome = catchUp.run();
            catchUp.verify();

            assertThat(outcome.newMessages()).isEqualTo(10);
            assertThat(outcome.replayed()).isEqualTo(10);
            List<ChatMessage> messages = target.getChatMessages(CHAT, MessageQuery.all());
            assertThat(messages).extracting(ChatMessage::messageId).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 27).mapToObj(Integer::toString)
                            .toList());
            assertThat(target.getChatUser(CHAT, OLD).orElseThrow().messagesCount()).isEqualTo(10 + 5 + 4);
            assertThat(target.getChatUser(CHAT, NEW_IN_SOURCE).orElseThrow().messagesCount()).isEqualTo(3);
            assertThat(target.getChatUser(CHAT, NEW_IN_BOTH).orElseThrow().messagesCount()).isEqualTo(2 + 3);
            assertThat(counted(target, TransferTable.CHAT_STATS, -1)).as("chat_stats").isEqualTo(27);
            assertThat(counted(target, TransferTable.CHAT_USER_STATS, NEW_IN_BOTH)).as("chat_user_stats")
                    .isEqualTo(5);

            List<ChatDigest.TableDigest> after = ChatDigest.of(target, CHAT);
            new ChatCatchUp(CHAT, source, target, target, copyStarted, copied, null).run();
            assertThat(ChatDigest.of(target, CHAT)).as("a second run (after a crash: no copied rows) changes nothing")
                    .isEqualTo(after);
        }
    }

    @Test
    void anIdleChatNeedsNoReplay() {
        try (InMemoryChatStore source = new InMemoryChatStore("source");
             InMemoryChatStore target = new InMemoryChatStore("target")) {
            source.updateChatUser(CHAT, OLD, "@old", "Old");
            add(source, OLD, 1, 5);
            source.exportChat(CHAT, 100, target::importRows);
            List<ChatDigest.TableDigest> copy = ChatDigest.of(target, CHAT);

            ChatCatchUp.Outcome outcome = new ChatCatchUp(CHAT, source, target, target, Instant.now(), 5, null).run();

            assertThat(outcome.replayed()).isZero();
            assertThat(outcome.imported()).isZero();
            assertThat(ChatDigest.of(target, CHAT)).isEqualTo(copy);
        }
    }

    /** The sum of the counter column of {@code table} for the chat (and {@code user}, unless -1). */
    private static long counted(InMemoryChatStore store, TransferTable table, long user) {
        long[] sum = {0};
        int count = table.columnNames().indexOf("messages_count");
        int userId = table.columnNames().indexOf("user_id");
        store.exportChat(CHAT, 100, (t, rows) -> {
            if (t == table) {
                rows.stream().filter(row -> user == -1 || (Long) row[userId] == user)
                        .forEach(row -> sum[0] += (Long) row[count]);
            }
        });
        return sum[0];
    }

    private static void add(InMemoryChatStore store, long user, int from, int to) {
        for (int i = from; i <= to; i++) {
            store.addChatMessage(ChatMessage.builder(CHAT, Integer.toString(i), user, DAY.plusSeconds(i))
                    .text("m" + i).rootMessageId(Integer.toString(i)).build());
        }
    }
}
