package dev.chatstore.host.telegram;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.chatstore.host.telegram.UpdateIngesterTest.HIKERS;
import static dev.chatstore.host.telegram.UpdateIngesterTest.JVM_DEVS;
import static org.assertj.core.api.Assertions.assertThat;

/** Storage failures other than refusals: reported with line numbers, counted as failed, the rest stored. */
class StorageFailureIngestTest {
    private final SampleFile sample = SampleFile.load();
    private final InMemoryChatStore store = new InMemoryChatStore("default");
    private final RecordingListener listener = new RecordingListener();

    @Test
    void aChatWhoseWritesFailIsReportedPerLine() throws IOException {
        StoreWrapper failing = new StoreWrapper(store, (method, args) ->
                method.getName().equals("updateChatInfo") && args[0].equals(JVM_DEVS)
                        ? new StorageException("Source 'default' failed on updateChatInfo: disk I/O error") : null);
        long jvmUpdates = sample.updatesPerChat.get(JVM_DEVS);

        IngestSummary summary = new UpdateIngester(failing.store, chatId -> "default")
                .ingest(new StringReader(sample.text()), listener);

        assertThat(summary.failed()).isEqualTo(jvmUpdates);
        assertThat(listener.failed).hasSize((int) jvmUpdates)
                .allSatisfy(line -> assertThat(line).endsWith(": Source 'default' failed on updateChatInfo: disk I/O error"));
        assertThat(listener.failed).extracting(line -> Long.parseLong(line.substring(0, line.indexOf(':'))))
                .containsExactlyElementsOf(linesOfChat(JVM_DEVS));
        assertThat(store.getChatMessages(JVM_DEVS, MessageQuery.all())).isEmpty();
        assertThat(summary.messagesStored() + summary.edited()).isEqualTo(sample.messageUpdates - jvmUpdates);
    }

    @Test
    void aFailedBatchListsItsLinesAndTheNextBatchIsStored() throws IOException {
        AtomicBoolean failedOnce = new AtomicBoolean();
        StoreWrapper failing = new StoreWrapper(store, (method, args) ->
                method.getName().equals("addChatMessages") && failedOnce.compareAndSet(false, true)
                        ? new StorageException("Source 'default' failed on addChatMessages: database is locked") : null);

        IngestSummary summary = new UpdateIngester(failing.store, chatId -> "default", 20)
                .ingest(new StringReader(sample.text()), listener);

        assertThat(listener.failed).singleElement().asString()
                .matches("2: 20 updates on lines 2 to \\d+ not stored: "
                        + "Source 'default' failed on addChatMessages: database is locked");
        assertThat(summary.failed()).isEqualTo(20);
        assertThat(summary.messagesStored()).isPositive();

        // Nothing of the failed batch was stored, so ingesting again stores exactly those.
        IngestSummary again = new UpdateIngester(store, chatId -> "default").ingest(new StringReader(sample.text()),
                new RecordingListener());
        assertThat(summary.messagesStored() + again.messagesStored()).isEqualTo(sample.messageKeys.size());
    }

    @Test
    void aReplyTargetLookupThatFailsFallsBackToTheMessagesOwnId() throws IOException {
        StoreWrapper failing = new StoreWrapper(store, (method, args) -> method.getName().equals("getChatMessage")
                ? new StorageException("Source 'default' did not answer getChatMessage within PT5S") : null);
        String reply = UpdateIngesterTest.message("message", 2, "reply").replace("\"text\"",
                "\"reply_to_message\": {\"message_id\": 1, \"date\": 1, \"chat\": {\"id\": -4098765432, "
                        + "\"type\": \"group\"}}, \"text\"");

        IngestSummary summary = new UpdateIngester(failing.store, chatId -> "default")
                .ingest(new StringReader(reply + "\n" + reply.replace("\"message_id\": 2", "\"message_id\": 3")), listener);

        assertThat(summary.messagesStored()).isEqualTo(2);
        assertThat(store.getChatMessage(HIKERS, "2")).get().extracting(ChatMessage::rootMessageId).isEqualTo("2");
        assertThat(failing.calls("getChatMessage")).as("not asked again in the same ingest").isEqualTo(1);
    }

    private List<Long> linesOfChat(long chatId) {
        java.util.ArrayList<Long> lines = new java.util.ArrayList<>();
        for (int i = 0; i < sample.lines.size(); i++) {
            String line = sample.lines.get(i);
            boolean messageKind = !line.contains("\"callback_query\"") && !line.contains("\"my_chat_member\"");
            if (messageKind && line.contains("\"chat\":{\"id\":" + chatId + ",")) {
                lines.add(i + 1L);
            }
        }
        return lines;
    }
}
