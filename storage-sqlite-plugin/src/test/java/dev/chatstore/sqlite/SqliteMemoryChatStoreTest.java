package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.testkit.ChatStoreContract;

/** The contract suite on a {@code :memory:} source: one private database shared by its pool. */
class SqliteMemoryChatStoreTest extends ChatStoreContract {
    @Override
    protected ChatStore createStore() {
        return new SqliteStoreProvider().open(SourceConfig.of("contract-memory", ":memory:"));
    }
}
