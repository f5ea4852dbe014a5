package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.testkit.ChatStoreContract;

/** The whole contract suite on a real PostgreSQL server, each test in a fresh schema. */
class PostgresChatStoreTest extends ChatStoreContract {
    @Override
    protected ChatStore createStore() {
        return PostgresTestSources.freshStore("contract-postgres");
    }
}
