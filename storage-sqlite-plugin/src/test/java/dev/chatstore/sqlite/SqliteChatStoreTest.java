package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.testkit.ChatStoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract suite on a database file. */
class SqliteChatStoreTest extends ChatStoreContract {
    @TempDir
    Path dir;

    @Override
    protected ChatStore createStore() {
        return new SqliteStoreProvider().open(SourceConfig.of("contract-file", dir.resolve("contract.db").toString()));
    }
}
