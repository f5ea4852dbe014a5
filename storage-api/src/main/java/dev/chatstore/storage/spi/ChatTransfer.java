package dev.chatstore.storage.spi;

import java.util.List;

/**
 * Whole-chat transfer: an optional capability of the {@link ChatStore} a {@link StoreProvider} returns (check with
 * {@code instanceof}, like {@link StoreAdmin}). It moves every row of one chat between any two backends that offer
 * it, as rows of the portable {@link TransferTable}s; the host's {@code move-chat} command is built on it.
 *
 * <p>It is a capability of one source, not a routed operation: a move names both of its sources explicitly, so the
 * routing chain (which picks one source per chat) has nothing to decide; and bot code never needs it.
 *
 * <p>Memory: {@link #exportChat} streams (a batch at a time), and {@link #importRows} takes one batch; a chat of any
 * size moves in flat memory. Thread-safe.
 */
public interface ChatTransfer {
    /** Rows per batch the host uses unless told otherwise. */
    int DEFAULT_BATCH = 1_000;

    /**
     * Streams every row of {@code chatId}, table by table in {@link TransferTable#ALL} order, in batches of at most
     * {@code batchSize} rows, from one consistent snapshot of the source where the backend has snapshots (a read
     * transaction). Tables without rows for the chat produce no call. If the export fails part-way it may be run
     * again from the start; importing the same rows twice changes nothing.
     *
     * @throws IllegalArgumentException if {@code batchSize < 1}
     * @throws StorageException         if the source cannot be read, or the sink's own failure
     */
    void exportChat(long chatId, int batchSize, ChatRowSink sink);

    /**
     * Stores {@code rows} of {@code table} in one transaction, each replacing the row with the same primary key
     * (insert-or-replace), so an import is idempotent and resumable. Counters are stored as given, never bumped.
     *
     * @return the number of rows written
     * @throws ReadOnlySourceException if the source is readonly
     * @throws StorageException        if a row cannot be stored (nothing of the batch is)
     */
    int importRows(TransferTable table, List<Object[]> rows);

    /**
     * Deletes every chat-scoped row of {@code chatId} in one transaction. Media records are kept: they are keyed
     * by file, not by chat, and other chats may reference them.
     *
     * @return rows deleted
     * @throws ReadOnlySourceException if the source is readonly
     */
    long deleteChat(long chatId);

    /** Ids of every chat with at least one chat-scoped row in this source, ascending. */
    List<Long> chatIds();
}
