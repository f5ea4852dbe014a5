package com.example.chatstore;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.testkit.ChatStoreContract;

import java.time.Duration;
import java.util.Map;

/** The whole Chatstore contract against this backend: what every storage plugin must pass. */
class ExampleContractTest extends ChatStoreContract {
    @Override
    protected ChatStore createStore() {
        return new ExampleStoreProvider().open(new SourceConfig("test", ExampleStoreProvider.TYPE, false, 1,
                Duration.ofSeconds(5), Map.of("label", "contract")));
    }
}
