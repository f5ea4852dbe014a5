package dev.chatstore.host.telegram;

import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;

import static dev.chatstore.host.telegram.TelegramUpdateMapperTest.json;
import static dev.chatstore.host.telegram.UpdateIngesterTest.HIKERS;
import static dev.chatstore.host.telegram.UpdateIngesterTest.message;
import static org.assertj.core.api.Assertions.assertThat;

/** The webhook path: one update, one result, never an exception for bad data. */
class IngestOneTest {
    private final InMemoryChatStore store = new InMemoryChatStore("default");
    private final UpdateIngester ingester = new UpdateIngester(store, chatId -> "default");

    @Test
    void storedThenDuplicateThenEdited() {
        assertThat(ingester.ingestOne(json(message("message", 7, "hello"))))
                .isEqualTo(new IngestResult(IngestResult.Outcome.STORED, ""));
        assertThat(ingester.ingestOne(json(message("message", 7, "hello"))).outcome())
                .isEqualTo(IngestResult.Outcome.DUPLICATE);
        assertThat(ingester.ingestOne(json(message("edited_message", 7, "hello!"))).outcome())
                .isEqualTo(IngestResult.Outcome.EDITED);
        assertThat(ingester.ingestOne(json(message("edited_message", 8, "new"))).outcome())
                .isEqualTo(IngestResult.Outcome.STORED);
        assertThat(store.getChatMessage(HIKERS, "7")).get().extracting(m -> m.text()).isEqualTo("hello");
    }

    @Test
    void ignoredAndMalformed() {
        assertThat(ingester.ingestOne(json("{\"update_id\": 5, \"callback_query\": {\"id\": \"1\"}}")))
                .isEqualTo(new IngestResult(IngestResult.Outcome.IGNORED, "callback_query"));
        assertThat(ingester.ingestOne(json("{\"update_id\": 5, \"message\": {\"message_id\": 1}}")))
                .isEqualTo(new IngestResult(IngestResult.Outcome.MALFORMED,
                        "field 'message.date': expected an integer, found nothing (the field is missing)"));
    }

    @Test
    void failed() {
        StoreWrapper failing = new StoreWrapper(store, (method, args) -> method.getName().equals("addChatMessages")
                ? new StorageException("Source 'default' failed on addChatMessages: disk full") : null);

        IngestResult result = new UpdateIngester(failing.store, chatId -> "default")
                .ingestOne(json(message("message", 9, "hi")));

        assertThat(result)
                .isEqualTo(new IngestResult(IngestResult.Outcome.FAILED, "Source 'default' failed on addChatMessages: disk full"));
    }
}
