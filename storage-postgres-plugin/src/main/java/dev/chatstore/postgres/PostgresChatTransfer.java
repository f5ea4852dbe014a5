package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.JdbcChatTransfer;
import dev.chatstore.storage.spi.ChatRowSink;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.TransferTable;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link ChatTransfer} of one source: the shared {@link JdbcChatTransfer} (the schema has the spec's table and column
 * names), whose reads answer as an empty store's would while a writable source's schema does not exist yet, as every
 * other read does ({@link PostgresReads}): {@code move-chat} into a fresh PostgreSQL source checks and digests the
 * target before its first write creates the tables. Thread-safe.
 */
final class PostgresChatTransfer implements ChatTransfer {
    private final JdbcChatTransfer delegate;
    private final PostgresReads reads;

    PostgresChatTransfer(PostgresReads reads) {
        this.delegate = new JdbcChatTransfer(reads.source());
        this.reads = reads;
    }

    @Override
    public void exportChat(long chatId, int batchSize, ChatRowSink sink) {
        orEmpty(() -> {
            delegate.exportChat(chatId, batchSize, sink);
            return null;
        }, null);
    }

    @Override
    public int importRows(TransferTable table, List<Object[]> rows) {
        return delegate.importRows(table, rows);
    }

    @Override
    public long deleteChat(long chatId) {
        return delegate.deleteChat(chatId);
    }

    @Override
    public List<Long> chatIds() {
        return orEmpty(delegate::chatIds, List.of());
    }

    private <T> T orEmpty(Supplier<T> call, T empty) {
        try {
            return call.get();
        } catch (StorageException e) {
            if (e.getCause() instanceof SQLException sql && "42P01".equals(sql.getSQLState())
                    && !reads.source().config().readonly() && reads.notCreatedYet()) {
                return empty;
            }
            throw e;
        }
    }
}
