package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatDigest;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.TransferTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link ChatTransfer}, for every backend that offers it (skipped for a store without it): export, delete and import
 * of a whole chat restores every read of that chat and leaves other chats alone; import is idempotent; batches
 * respect their size; the digest names the table that changed.
 */
interface ChatTransferContract extends StoreFixture {
    long MOVED = -1001000000001L;
    long KEPT = -1001000000002L;

    private ChatTransfer transfer() {
        assumeTrue(rawStore() instanceof ChatTransfer, "the store offers no ChatTransfer");
        return (ChatTransfer) rawStore();
    }

    /** The exported batches of one chat, in order. */
    private static List<Map.Entry<TransferTable, List<Object[]>>> export(ChatTransfer transfer, long chatId,
                                                                        int batchSize) {
        List<Map.Entry<TransferTable, List<Object[]>>> batches = new ArrayList<>();
        transfer.exportChat(chatId, batchSize, (table, rows) -> batches.add(Map.entry(table, rows)));
        return batches;
    }

    @Test
    default void chatTransferRoundTripRestoresEveryReadOfTheChat() {
        ChatTransfer transfer = transfer();
        ChatStore store = store();
        SampleChat.populate(store, MOVED, 7);
        SampleChat.populate(store, KEPT, 4);
        Map<String, Object> before = SampleChat.snapshot(store, MOVED);
        Map<String, Object> kept = SampleChat.snapshot(store, KEPT);
        List<ChatDigest.TableDigest> digest = ChatDigest.of(transfer, MOVED);

        List<Map.Entry<TransferTable, List<Object[]>>> batches = export(transfer, MOVED, 2);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.getValue()).hasSizeBetween(1, 2));
        assertThat(batches.stream().map(batch -> batch.getKey().name()).distinct().toList())
                .as("every table of the chat is exported, in TransferTable.ALL order")
                .containsExactlyElementsOf(TransferTable.ALL.stream().map(TransferTable::name).toList());
        assertThat(digest).filteredOn(table -> table.table().equals("chat_messages"))
                .singleElement().extracting(ChatDigest.TableDigest::rows).isEqualTo(7L);
        assertThat(transfer.chatIds()).contains(MOVED, KEPT);

        long deleted = transfer.deleteChat(MOVED);
        assertThat(deleted).isPositive();
        assertThat(store.getChatMessages(MOVED, MessageQuery.all())).isEmpty();
        assertThat(store.getChatInfo(MOVED)).isEmpty();
        assertThat(store.getChatUsers(MOVED, 10, null)).isEmpty();
        assertThat(store.getMediaAttachment("media-" + MOVED)).as("media is kept: other chats may use it").isPresent();
        assertThat(transfer.chatIds()).contains(KEPT).doesNotContain(MOVED);
        assertThat(ChatDigest.of(transfer, MOVED)).filteredOn(table -> !table.table().equals("media_attachments"))
                .allSatisfy(table -> assertThat(table.rows()).isZero());

        for (Map.Entry<TransferTable, List<Object[]>> batch : batches) {
            assertThat(transfer.importRows(batch.getKey(), batch.getValue())).isEqualTo(batch.getValue().size());
        }
        assertThat(SampleChat.snapshot(store, MOVED)).isEqualTo(before);
        assertThat(ChatDigest.of(transfer, MOVED)).isEqualTo(digest);
        for (Map.Entry<TransferTable, List<Object[]>> batch : batches) {
            transfer.importRows(batch.getKey(), batch.getValue());
        }
        assertThat(ChatDigest.of(transfer, MOVED)).as("a second import changes nothing").isEqualTo(digest);
        assertThat(SampleChat.snapshot(store, KEPT)).as("the other chat").isEqualTo(kept);
    }

    @Test
    default void chatDigestChangesOnlyForTheTableThatChanged() {
        ChatTransfer transfer = transfer();
        SampleChat.populate(store(), MOVED, 3);
        List<ChatDigest.TableDigest> before = ChatDigest.of(transfer, MOVED);
        assertThat(ChatDigest.of(transfer, MOVED)).as("stable").isEqualTo(before);
        store().setChatSetting(MOVED, "lang", "en");
        List<ChatDigest.TableDigest> after = ChatDigest.of(transfer, MOVED);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(after.get(i).table());
            }
        }
        assertThat(changed).containsExactly("chat_settings");
    }

    @Test
    default void chatTransferRejectsBadArguments() {
        ChatTransfer transfer = transfer();
        assertThatThrownBy(() -> transfer.exportChat(MOVED, 0, (table, rows) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(transfer.importRows(TransferTable.CHAT_INFO, List.of())).isZero();
        assertThat(transfer.deleteChat(MOVED)).isZero();
    }
}
