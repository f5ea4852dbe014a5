package dev.chatstore.storage.testkit.external;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.testkit.ChatStoreContract;
import dev.chatstore.storage.testkit.InMemoryChatStore;

/**
 * The contract run the way another module's backend runs it: from another package, through the public API only,
 * on the wall clock (so the timestamp tests really sleep, as they do against SQLite).
 */
class WallClockContractTest extends ChatStoreContract {
    @Override
    protected ChatStore createStore() {
        return new InMemoryChatStore("wall-clock");
    }
}
