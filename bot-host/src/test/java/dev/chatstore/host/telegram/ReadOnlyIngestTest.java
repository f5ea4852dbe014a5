package dev.chatstore.host.telegram;

import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.Storages;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static dev.chatstore.host.telegram.UpdateIngesterTest.DIGEST;
import static dev.chatstore.host.telegram.UpdateIngesterTest.HIKERS;
import static org.assertj.core.api.Assertions.assertThat;

/** A chat mapped to a readonly source, through the real routing chain over in-memory sources. */
class ReadOnlyIngestTest {
    private static final String GUIDE_MESSAGE = "Cannot perform write operation on readonly source 'archive'. "
            + "This source is configured as readonly.";

    private final SampleFile sample = SampleFile.load();
    private final InMemoryChatStore main = new InMemoryChatStore("main");
    private final InMemoryChatStore archive = new InMemoryChatStore("archive");
    private final RecordingListener listener = new RecordingListener();
    private Storage storage;

    private Storage storage(String defaultSource, Map<Long, String> mapping) {
        StorageConfig config = new StorageConfig(defaultSource,
                List.of(SourceConfig.of("main", ":memory:").withType("memory"),
                        SourceConfig.of("archive", ":memory:").withType("memory").withReadonly(true)),
                mapping, OnSourceFailure.SKIP);
        storage = Storages.of(config, Map.<String, ChatStore>of("main", main, "archive", archive));
        return storage;
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    private IngestSummary ingest(String input) throws IOException {
        return new UpdateIngester(storage, chatId -> storage.route(chatId, null).sourceName())
                .ingest(new StringReader(input), listener);
    }

    @Test
    void theReadonlyChatIsRefusedOnceAndTheOthersAreStored() throws IOException {
        storage("main", Map.of(HIKERS, "archive"));
        long hikersUpdates = sample.updatesPerChat.get(HIKERS);

        IngestSummary summary = ingest(sample.text());

        assertThat(listener.refused).singleElement().asString().startsWith(HIKERS + " archive: " + GUIDE_MESSAGE);
        assertThat(summary.refused()).isEqualTo(hikersUpdates);
        assertThat(summary.messagesStored() + summary.edited())
                .isEqualTo(sample.messageUpdates - hikersUpdates);
        assertThat(summary.failed()).isZero();
        assertThat(summary.sources().get("archive")).isEqualTo(new IngestSummary.SourceCounts(0, 0, 0, hikersUpdates, 0));
        assertThat(summary.sources().get("main").messagesStored())
                .isEqualTo(sample.messageKeys.size() - sample.messagesPerChat.get(HIKERS));
        assertThat(summary.sources().keySet()).containsExactly("archive", "main");

        assertThat(archive.getChatMessages(HIKERS, MessageQuery.all())).isEmpty();
        assertThat(archive.getChatInfo(HIKERS)).isEmpty();
        assertThat(main.getChatMessages(HIKERS, MessageQuery.all())).isEmpty();
        assertThat(main.getChatMessages(DIGEST, MessageQuery.all()))
                .hasSize(sample.messagesPerChat.get(DIGEST).intValue());
    }

    @Test
    void aReadonlyDefaultSourceRefusesMediaAndUnmappedChats() throws IOException {
        storage("archive", Map.of(DIGEST, "main"));

        IngestSummary summary = ingest(sample.text());

        // The channel is mapped to the writable source, but its media records go to the readonly default.
        List<String> digestRefusal = listener.refused.stream().filter(r -> r.startsWith(DIGEST + " ")).toList();
        assertThat(digestRefusal).singleElement().asString().startsWith(DIGEST + " archive: " + GUIDE_MESSAGE);
        assertThat(main.getChatMessages(DIGEST, MessageQuery.all())).extracting(m -> m.mediaId()).containsOnlyNulls()
                .isNotEmpty();
        assertThat(listener.refused).hasSize(sample.chats.size());
        assertThat(summary.messagesStored() + summary.refused() + summary.edited()).isEqualTo(sample.messageUpdates);
        assertThat(summary.failed()).isZero();
    }

    @Test
    void theWebhookReportsTheRefusal() {
        storage("main", Map.of(HIKERS, "archive"));
        UpdateIngester ingester = new UpdateIngester(storage, chatId -> storage.route(chatId, null).sourceName());

        IngestResult first = ingester.ingestOne(TelegramUpdateMapperTest.json(UpdateIngesterTest.message("message", 5, "hi")));
        IngestResult second = ingester.ingestOne(TelegramUpdateMapperTest.json(UpdateIngesterTest.message("message", 6, "hi")));

        for (IngestResult result : List.of(first, second)) {
            assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.REFUSED);
            assertThat(result.detail()).startsWith(GUIDE_MESSAGE);
        }
    }
}
