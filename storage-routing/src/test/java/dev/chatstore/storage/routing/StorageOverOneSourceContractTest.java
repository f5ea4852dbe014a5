package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.testkit.ChatStoreContract;
import dev.chatstore.storage.testkit.InMemoryChatStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The full store contract through the chain over one in-memory source: routing must be invisible. */
class StorageOverOneSourceContractTest extends ChatStoreContract {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00.750Z"));

    @Override
    protected ChatStore createStore() {
        StorageConfig config = TestStores.config("only", List.of(TestStores.source("only")), Map.of());
        return Storages.of(config, Map.of("only", new InMemoryChatStore("only", clock)));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void letTimePass(Duration duration) {
        clock.advance(duration);
    }
}
