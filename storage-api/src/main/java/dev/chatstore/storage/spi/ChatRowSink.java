package dev.chatstore.storage.spi;

import java.util.List;

/**
 * Receives a chat's rows from {@link ChatTransfer#exportChat}, one batch at a time. A batch's rows are arrays of
 * the table's {@link TransferTable#columns()} values in their portable forms; the list and the arrays are the
 * sink's to keep. Called from the exporting thread only.
 */
@FunctionalInterface
public interface ChatRowSink {
    /**
     * @throws StorageException to stop the export (it is rethrown by {@code exportChat})
     */
    void accept(TransferTable table, List<Object[]> rows);
}
