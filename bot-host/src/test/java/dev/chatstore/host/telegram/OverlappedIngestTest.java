package dev.chatstore.host.telegram;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static dev.chatstore.host.telegram.UpdateIngesterTest.HIKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link UpdateIngester#ingest} with parsing on its reader thread ({@link MappingReader}): across many more chunks
 * than the hand-off queue holds, updates are written in input order, malformed lines reported in order with their
 * numbers, progress counted as lines read; a read failure is rethrown after the updates before it are stored.
 */
class OverlappedIngestTest {
    private final InMemoryChatStore store = new InMemoryChatStore("default");
    private final RecordingListener listener = new RecordingListener();

    @Test
    void manyChunksKeepInputOrderLineNumbersAndProgress() throws IOException {
        StringBuilder input = new StringBuilder();
        List<String> expectedMalformed = new ArrayList<>();
        int line = 0;
        for (int id = 1; id <= 1000; id++) {
            line++;
            if (id % 97 == 0) {
                input.append("{not json\n");
                expectedMalformed.add(line + ": ");
            } else {
                input.append(UpdateIngesterTest.message("message", id, "m" + id)).append('\n');
            }
            if (id % 250 == 0) {
                input.append('\n');
                line++;
            }
        }
        StoreWrapper counted = new StoreWrapper(store);

        // Batches of 7: 1,000 lines are about 140 chunks through a queue of 2.
        IngestSummary summary = new UpdateIngester(counted.store, chatId -> "default", 7)
                .ingest(new StringReader(input.toString()), listener);

        assertThat(summary.linesRead()).isEqualTo(line);
        assertThat(summary.malformed()).isEqualTo(10);
        assertThat(summary.messagesStored()).isEqualTo(990);
        assertThat(listener.malformed).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(listener.malformed.get(i)).startsWith(expectedMalformed.get(i));
        }
        assertThat(listener.progress).isSorted().last().isEqualTo((long) line);
        assertThat(counted.calls("addChatMessages")).isEqualTo((990 + 6) / 7);
        List<ChatMessage> stored = store.getChatMessages(HIKERS, MessageQuery.all());
        assertThat(stored).hasSize(990);
    }

    @Test
    void aReadFailureIsRethrownAfterTheUpdatesBeforeItAreStored() {
        String lines = UpdateIngesterTest.message("message", 1, "one") + "\n"
                + UpdateIngesterTest.message("message", 2, "two") + "\n";
        Reader failing = new Reader() {
            private final StringReader head = new StringReader(lines);

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int read = head.read(buffer, offset, length);
                if (read == -1) {
                    throw new IOException("Input/output error reading updates.jsonl");
                }
                return read;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> new UpdateIngester(store, chatId -> "default").ingest(failing, listener))
                .isInstanceOf(IOException.class).hasMessage("Input/output error reading updates.jsonl");
        assertThat(store.getChatMessages(HIKERS, MessageQuery.all())).extracting(ChatMessage::messageId)
                .containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void inputReadAheadBeforeTheIngesterExistsIsStoredAsIfReadByIt() throws Exception {
        StringBuilder input = new StringBuilder();
        for (int id = 1; id <= 1200; id++) {
            input.append(id == 600 ? "{not json" : UpdateIngesterTest.message("message", id, "m" + id)).append('\n');
        }
        UpdateIngester.ReadAhead ahead = UpdateIngester.readAhead(new StringReader(input.toString()));
        // The reading thread fills its queue meanwhile, as it does while the CLI starts the host.
        Thread.sleep(50);
        StoreWrapper counted = new StoreWrapper(store);
        UpdateIngester ingester = new UpdateIngester(counted.store, chatId -> "default", 100);

        IngestSummary summary = ingester.ingest(ahead, listener);

        assertThat(summary.linesRead()).isEqualTo(1200);
        assertThat(summary.messagesStored()).isEqualTo(1199);
        assertThat(listener.malformed).singleElement().asString().startsWith("600: ");
        // The ingester's batch size decides the writes, not the read-ahead's chunks.
        assertThat(counted.calls("addChatMessages")).isEqualTo(12);
        assertThat(store.getChatMessages(HIKERS, MessageQuery.all())).hasSize(1199);
        assertThatThrownBy(() -> ingester.ingest(ahead, listener)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ingested already");
        ahead.close();
    }

    @Test
    void closingAReadAheadThatIsNeverIngestedEndsItsThread() throws Exception {
        StringBuilder input = new StringBuilder();
        for (int id = 1; id <= 5000; id++) {
            input.append(UpdateIngesterTest.message("message", id, "m" + id)).append('\n');
        }
        UpdateIngester.ReadAhead ahead = UpdateIngester.readAhead(new StringReader(input.toString()));
        ahead.close();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("chatstore-ingest-reader")) {
                thread.join(5_000);
                assertThat(thread.isAlive()).isFalse();
            }
        }
    }
}
