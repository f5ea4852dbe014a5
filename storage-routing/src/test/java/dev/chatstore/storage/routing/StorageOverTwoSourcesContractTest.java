package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.testkit.ChatStoreContract;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The full store contract through the chain over two in-memory sources, with the contract's second chat and its
 * private chat mapped to the second source: per-chat operations split across sources and fan-out reads merge them,
 * and the caller still sees one store.
 */
class StorageOverTwoSourcesContractTest extends ChatStoreContract {
    /** The contract's sample chats (its Samples class is package-private). */
    static final long OTHER_CHAT = -1009876543210L;
    static final long PRIVATE_CHAT = 123456789L;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00.750Z"));

    @Override
    protected ChatStore createStore() {
        StorageConfig config = TestStores.config("primary",
                List.of(TestStores.source("primary"), TestStores.source("second")),
                Map.of(OTHER_CHAT, "second", PRIVATE_CHAT, "second"));
        return Storages.of(config, Map.of("primary", new InMemoryChatStore("primary", clock),
                "second", new InMemoryChatStore("second", clock)));
    }

    /*
     * The SPI routes addSpamMessage by chat but getSpamMessages/getSpamMessagesByText to the default source
     * (spec/operations.md), so over two sources the samples of a chat mapped elsewhere are not in the global lists.
     * These two contract tests assume one store; they run in StorageOverOneSourceContractTest.
     */
    @Test
    @Disabled("SPI: spam samples are written by chat but listed from the default source only")
    @Override
    public void theNewestSamplesOfEveryChatComeFirstUpToTheLimit() {
    }

    @Test
    @Disabled("SPI: spam samples are written by chat but listed from the default source only")
    @Override
    public void samplesAreFoundByExactTextOldestFirst() {
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
