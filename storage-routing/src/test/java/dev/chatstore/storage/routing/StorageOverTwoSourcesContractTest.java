package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.testkit.ChatStoreContract;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
     * (spec/operations.md), so over two sources the samples of a chat mapped elsewhere are listed only through that
     * source's view. The contract's two list tests assume one store (they run in StorageOverOneSourceContractTest);
     * here they check the multi-source behaviour instead.
     */
    @Test
    @Override
    public void theNewestSamplesOfEveryChatComeFirstUpToTheLimit() {
        try (Storage storage = (Storage) createStore()) {
            storage.addSpamMessage(new SpamMessage(-100L, 1, "1", "default's", SpamReason.AUTO, 0.9));
            storage.addSpamMessage(new SpamMessage(OTHER_CHAT, 2, "2", "second's", SpamReason.AUTO, 0.8));

            assertThat(storage.getSpamMessages(10)).extracting(SpamMessage::text).containsExactly("default's");
            assertThat(storage.source("second").getSpamMessages(10)).extracting(SpamMessage::text)
                    .containsExactly("second's");
        }
    }

    @Test
    @Override
    public void samplesAreFoundByExactTextOldestFirst() {
        try (Storage storage = (Storage) createStore()) {
            storage.addSpamMessage(new SpamMessage(OTHER_CHAT, 2, "2", "buy now", SpamReason.AUTO, 0.8));

            assertThat(storage.getSpamMessagesByText("buy now")).isEmpty();
            assertThat(storage.source("second").getSpamMessagesByText("buy now")).extracting(SpamMessage::chatId)
                    .containsExactly(OTHER_CHAT);
        }
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
