package dev.chatstore.host.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstore.storage.spi.ChatStore;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import static java.util.Objects.requireNonNull;

/**
 * Stores Telegram Bot API updates through a {@link ChatStore}: from a file ({@link #ingest}) or one at a time from a
 * webhook ({@link #ingestOne}).
 *
 * <p>Per update it records the chat info, the sender as a chat member, the forum topic and a media record for the
 * file it carries, then the message; messages are written in batches with one {@code addChatMessages} call per
 * source. What it does with each update:
 * <ul>
 *   <li>A message already stored (by an earlier ingest, or earlier in the input) is a <em>duplicate</em>: nothing
 *       is stored twice, so re-ingesting a file changes no count in the store.</li>
 *   <li>{@code edited_message} / {@code edited_channel_post}: stored when the message is not stored yet; otherwise
 *       counted as <em>edited</em> and the first stored version kept, as the store has no operation that changes a
 *       message's text.</li>
 *   <li>A message's {@code rootMessageId} is its own id, or, for a reply to a message stored in that chat (or
 *       seen earlier in the input), the parent's root: the original bot's rule, never null.</li>
 *   <li>A chat whose source is readonly: its updates are <em>refused</em> and reported once per chat with the
 *       {@link dev.chatstore.storage.spi.ReadOnlySourceException} message; other chats are stored. Media records go
 *       to the default source, so when that one is readonly the updates carrying new media are refused the same way.</li>
 *   <li>Another {@link dev.chatstore.storage.spi.StorageException}: the updates concerned are reported with their
 *       lines and counted as <em>failed</em>; ingestion goes on.</li>
 * </ul>
 *
 * <p>Repeated chat info, member names, topics and media records are not written again while they are unchanged
 * and younger than a minute, which keeps a large ingest at about one write per message; a member's "last seen"
 * time ({@code updated_at}) may therefore lag by up to a minute.
 *
 * <p>{@link #ingest} reads, parses and maps the input on a thread of its own ({@code chatstore-ingest-reader}, a
 * bounded number of batches ahead) while the calling thread writes: the order of the updates, the reports of
 * malformed lines and every write stay on the calling thread, in input order.
 *
 * <p>Thread-safe: calls are serialised on the instance (one ingest at a time). The store is not closed here.
 */
public final class UpdateIngester {
    /** Messages per {@code addChatMessages} call unless the constructor says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private static final int CACHE_CAPACITY = 100_000;
    private static final long WRITE_MAX_AGE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final TelegramUpdateMapper mapper = new TelegramUpdateMapper();
    private final RootResolver roots;
    private final BatchWriter writer;
    private final int batchSize;

    /**
     * @param store        where updates are stored, usually the routing facade; non-null
     * @param sourceOfChat the name of the source a chat's writes go to, for the per-source summary; non-null and
     *                     returning non-null
     */
    public UpdateIngester(ChatStore store, LongFunction<String> sourceOfChat) {
        this(store, sourceOfChat, DEFAULT_BATCH_SIZE);
    }

    /**
     * @param batchSize messages per batch write, positive
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public UpdateIngester(ChatStore store, LongFunction<String> sourceOfChat, int batchSize) {
        requireNonNull(store, "store is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.batchSize = batchSize;
        this.roots = new RootResolver(store, CACHE_CAPACITY);
        this.writer = new BatchWriter(store, sourceOfChat,
                new RecentWrites(CACHE_CAPACITY, WRITE_MAX_AGE_NANOS, System::nanoTime), roots);
        IngestMetrics.warmUp();
    }

    /**
     * What a decoder of the input should put for bytes that are not valid UTF-8, so that the line is rejected as
     * malformed with its number instead of being stored with replacement characters.
     */
    public static final char INVALID_INPUT = UpdateStream.INVALID_INPUT;

    /**
     * Stores every update of {@code input}: JSON lines (one {@code Update} object per line, blank lines skipped)
     * or, when the first non-blank character is {@code [}, one JSON array of updates. A line that is not valid
     * JSON or not a valid update is reported to {@code listener} with its line number and skipped; the rest is
     * stored. In an array, a JSON syntax error ends the reading (what came before is stored).
     *
     * @param input    read to its end, not closed
     * @param listener told about skipped lines, refusals, failures and progress; non-null
     * @return the counts
     * @throws IOException if reading {@code input} fails; the updates read before are stored
     */
    public IngestSummary ingest(Reader input, IngestListener listener) throws IOException {
        requireNonNull(input, "input is null");
        try (ReadAhead ahead = new ReadAhead(MappingReader.start(new UpdateStream(input), mapper, batchSize))) {
            return ingest(ahead, listener);
        }
    }

    /**
     * Input whose reading, parsing and mapping started before there was an ingester to store it (see
     * {@link #readAhead}). Closing it stops the reading thread; an {@link #ingest(ReadAhead, IngestListener)} call
     * takes it to its end. Thread-safe for one consumer, like the ingest it is handed to.
     */
    public static final class ReadAhead implements AutoCloseable {
        private final MappingReader reader;
        private boolean used;

        private ReadAhead(MappingReader reader) {
            this.reader = reader;
        }

        /** Stops the reading thread (after its current read); a no-op once the ingest took the input to its end. */
        @Override
        public void close() {
            reader.close();
        }
    }

    /**
     * Starts reading, parsing and mapping {@code input} on the reading thread now, a bounded number of batches ahead
     * ({@link #DEFAULT_BATCH_SIZE} per chunk), for an {@link #ingest(ReadAhead, IngestListener)} call once the store
     * is open: the CLI starts it before the host, so JSON parsing runs on the second core during start-up instead
     * of after it. The reading thread is a daemon; close the result if it is never ingested.
     *
     * @param input read to its end, not closed
     * @throws IOException if reading the first characters of {@code input} fails
     */
    public static ReadAhead readAhead(Reader input) throws IOException {
        requireNonNull(input, "input is null");
        return new ReadAhead(MappingReader.start(new UpdateStream(input), new TelegramUpdateMapper(),
                DEFAULT_BATCH_SIZE));
    }

    /**
     * As {@link #ingest(Reader, IngestListener)}, for input whose reading started ahead ({@link #readAhead}). The
     * batches written are those of this ingester (its batch size); the chunks read ahead only hand the updates over.
     *
     * @param input not ingested before; taken to its end (closing it afterwards is a no-op)
     * @throws IllegalStateException if {@code input} was ingested before
     */
    public synchronized IngestSummary ingest(ReadAhead input, IngestListener listener) throws IOException {
        requireNonNull(input, "input is null");
        requireNonNull(listener, "listener is null");
        if (input.used) {
            throw new IllegalStateException("this input was ingested already: read it again with readAhead");
        }
        input.used = true;
        IngestRun run = new IngestRun(listener);
        roots.newRun();
        List<BatchWriter.Pending> batch = new ArrayList<>(batchSize);
        // Parsing and mapping run ahead on their own thread while this one writes (issue 12: the second core).
        MappingReader reader = input.reader;
        long linesRead = 0;
        try {
            while (true) {
                MappingReader.Chunk chunk = reader.next();
                for (MappingReader.Mapped item : chunk.items()) {
                    linesRead = item.linesRead();
                    MappedUpdate update = count(item, run);
                    if (update == null) {
                        continue;
                    }
                    batch.add(new BatchWriter.Pending(item.line(), update));
                    if (batch.size() >= batchSize) {
                        flush(batch, run);
                        listener.onProgress(linesRead);
                    }
                }
                if (chunk.end()) {
                    linesRead = chunk.linesRead();
                    rethrow(chunk.failure());
                    break;
                }
            }
        } finally {
            reader.close();
            flush(batch, run);
        }
        run.linesRead = linesRead;
        listener.onProgress(run.linesRead);
        IngestSummary summary = run.summary();
        IngestMetrics.record(summary);
        return summary;
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
    }

    /** @return the update to store, or null when it was malformed or ignored (and counted as such) */
    private static MappedUpdate count(MappingReader.Mapped item, IngestRun run) {
        if (item.error() != null) {
            run.malformed(item.line(), item.error());
            return null;
        }
        run.updates++;
        if (item.update().isIgnored()) {
            run.ignored++;
            return null;
        }
        return item.update();
    }

    private void flush(List<BatchWriter.Pending> batch, IngestRun run) {
        if (!batch.isEmpty()) {
            writer.write(batch, run);
            batch.clear();
        }
    }

    /**
     * Returns once the ingest call in progress when it was called, if any, has finished: after a chat mapping swap,
     * no update routed under the old mapping is still being written (a chat move waits for this). Calls are
     * serialised on the instance, so taking its lock is that wait.
     */
    public synchronized void awaitCallsInFlight() {
        // Nothing to do: acquiring the lock is the wait.
    }

    /**
     * Stores one update, as a webhook receives it. Never throws for bad data or a storage failure: the result says
     * what happened.
     *
     * @param update the parsed {@code Update}, non-null
     */
    public synchronized IngestResult ingestOne(JsonNode update) {
        requireNonNull(update, "update is null");
        StringBuilder reported = new StringBuilder();
        IngestRun run = new IngestRun(new IngestListener() {
            @Override
            public void onRefused(long chatId, String source, String message) {
                reported.append(message);
            }

            @Override
            public void onFailed(long line, String message) {
                reported.append(message);
            }
        });
        roots.newRun();
        MappedUpdate mapped;
        try {
            mapped = mapper.map(update);
        } catch (MalformedUpdateException e) {
            IngestMetrics.unrouted("malformed");
            return new IngestResult(IngestResult.Outcome.MALFORMED, e.getMessage());
        }
        if (mapped.isIgnored()) {
            IngestMetrics.unrouted("ignored");
            return new IngestResult(IngestResult.Outcome.IGNORED, mapped.field());
        }
        writer.write(List.of(new BatchWriter.Pending(1, mapped)), run);
        IngestSummary summary = run.summary();
        IngestMetrics.record(summary);
        IngestResult.Outcome outcome = summary.messagesStored() > 0 ? IngestResult.Outcome.STORED
                : summary.duplicates() > 0 ? IngestResult.Outcome.DUPLICATE
                : summary.edited() > 0 ? IngestResult.Outcome.EDITED
                : summary.refused() > 0 ? IngestResult.Outcome.REFUSED
                : IngestResult.Outcome.FAILED;
        return new IngestResult(outcome, reported.toString());
    }
}
