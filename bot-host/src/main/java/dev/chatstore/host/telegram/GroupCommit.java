package dev.chatstore.host.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstore.storage.spi.ChatStore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongFunction;

import static java.util.Objects.requireNonNull;

/**
 * Stores webhook updates with group commit: concurrent updates bound for one source share one write of their
 * messages (one {@code addChatMessages} call, one transaction), and each caller's future completes only after that
 * write returned, so no update is acknowledged before its commit.
 *
 * <p>{@link #submit} maps the update on the caller's thread and queues it for its chat's source (as routed when it
 * is queued). One writer thread per source takes everything queued for it, up to {@code maxBatch} updates, and writes
 * it through the same path as a file ingest ({@link BatchWriter}: chat, member, topic and media records, then the
 * messages of the batch in one call on the source's pinned view), then completes the futures with each update's own
 * {@link IngestResult}. While a batch is written, the next one gathers: the batch size follows the load, and a lone
 * update is written at once, alone.
 *
 * <p>A batch whose message write fails (or throws) is not answered as a whole: each of its updates that has no
 * outcome yet, or failed, is written again on its own, so only an update that fails alone is answered
 * {@link IngestResult.Outcome#FAILED} (or completes exceptionally, for what {@link UpdateIngester#ingestOne} would
 * throw). A failed write stores none of the batch's messages (one transaction), so the retry stores each at most
 * once. When {@code addChatMessages} stores some but not all of a batch (a resend of a stored message among new ones),
 * it tells how many, not which: each message of that write is then answered {@code STORED}, which it is either way,
 * while the {@value IngestMetrics#UPDATES} counters count the duplicates exactly only when every or no message was
 * new.
 *
 * <p>Thread-safe. {@link #close} stops taking updates ({@link #submit} then fails with
 * {@link RejectedExecutionException}), writes everything already queued and waits for the writers; the store is not
 * closed here.
 */
public final class GroupCommit implements AutoCloseable {
    /** Updates per batch at most unless the constructor says otherwise. */
    public static final int DEFAULT_MAX_BATCH = 256;

    private static final int CACHE_CAPACITY = 100_000;
    private static final long WRITE_MAX_AGE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ChatStore store;
    private final LongFunction<String> sourceOfChat;
    private final int maxBatch;
    private final TelegramUpdateMapper mapper = new TelegramUpdateMapper();
    private final Map<String, SourceWriter> writers = new ConcurrentHashMap<>();
    // Read: a submit queueing; write: close. Nothing is queued after close has told the writers to finish.
    private final ReentrantReadWriteLock open = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * @param store        where updates are stored, usually the routing facade; non-null
     * @param sourceOfChat the name of the source a chat's writes go to; non-null and returning non-null
     * @param maxBatch     updates per batch at most, positive
     */
    public GroupCommit(ChatStore store, LongFunction<String> sourceOfChat, int maxBatch) {
        this.store = requireNonNull(store, "store is null");
        this.sourceOfChat = requireNonNull(sourceOfChat, "sourceOfChat is null");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive, was " + maxBatch);
        }
        this.maxBatch = maxBatch;
        IngestMetrics.warmUp();
    }

    /**
     * Queues one update for storing; malformed and ignored updates are answered at once, without queueing.
     *
     * @param update the parsed {@code Update}, non-null
     * @return completes, after the commit that stored it, with what became of the update; completes exceptionally
     * with {@link RejectedExecutionException} once closed, or with an unexpected exception of the store's
     */
    public CompletableFuture<IngestResult> submit(JsonNode update) {
        requireNonNull(update, "update is null");
        MappedUpdate mapped;
        try {
            mapped = mapper.map(update);
        } catch (MalformedUpdateException e) {
            IngestMetrics.unrouted("malformed");
            return CompletableFuture.completedFuture(new IngestResult(IngestResult.Outcome.MALFORMED, e.getMessage()));
        }
        if (mapped.isIgnored()) {
            IngestMetrics.unrouted("ignored");
            return CompletableFuture.completedFuture(new IngestResult(IngestResult.Outcome.IGNORED, mapped.field()));
        }
        long chatId = mapped.chat().id();
        String source = requireNonNull(sourceOfChat.apply(chatId), () -> "sourceOfChat returned null for chat " + chatId);
        Entry entry = new Entry(mapped, new CompletableFuture<>());
        open.readLock().lock();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new RejectedExecutionException(
                        "The server is stopping and stores no more updates; resend later"));
            }
            writers.computeIfAbsent(source, SourceWriter::new).offer(entry);
        } finally {
            open.readLock().unlock();
        }
        return entry.result;
    }

    /**
     * Returns once every batch being written when it was called has been written. Each batch routes its updates
     * when its write starts, so after a chat mapping swap this is the point from which no update is written under
     * the old mapping (a chat move waits for it); batches still queued are routed under the new one.
     */
    public void awaitWritesInFlight() {
        for (SourceWriter writer : writers.values()) {
            writer.writing.lock();
            writer.writing.unlock();
        }
    }

    /** Stops taking updates, stores the ones queued and waits for the writers to finish. Idempotent. */
    @Override
    public void close() {
        open.writeLock().lock();
        try {
            closed = true;
        } finally {
            open.writeLock().unlock();
        }
        writers.values().forEach(SourceWriter::finish);
        boolean interrupted = false;
        for (SourceWriter writer : writers.values()) {
            while (true) {
                try {
                    writer.thread.join();
                    break;
                } catch (InterruptedException e) {
                    // Queued updates are still written: a caller may have been told nothing yet.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record Entry(MappedUpdate update, CompletableFuture<IngestResult> result) {
    }

    /** One source's queue and the thread that writes it; its caches belong to that thread alone. */
    private final class SourceWriter implements Runnable {
        private final ReentrantLock lock = new ReentrantLock();
        // Held while a batch is routed and written (retries included): awaitWritesInFlight waits on it.
        private final ReentrantLock writing = new ReentrantLock();
        private final Condition queued = lock.newCondition();
        private final ArrayDeque<Entry> queue = new ArrayDeque<>();
        private final RootResolver roots = new RootResolver(store, CACHE_CAPACITY);
        private final BatchWriter writer = new BatchWriter(store, sourceOfChat,
                new RecentWrites(CACHE_CAPACITY, WRITE_MAX_AGE_NANOS, System::nanoTime), roots);
        private final Thread thread;
        private boolean finishing;

        SourceWriter(String source) {
            thread = new Thread(this, "chatstore-group-commit-" + source);
            // Daemon so a JVM that exits without close() is not held; close() joins it after draining.
            thread.setDaemon(true);
            thread.start();
        }

        void offer(Entry entry) {
            lock.lock();
            try {
                queue.add(entry);
                queued.signal();
            } finally {
                lock.unlock();
            }
        }

        void finish() {
            lock.lock();
            try {
                finishing = true;
                queued.signal();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void run() {
            List<Entry> batch = new ArrayList<>(maxBatch);
            while (true) {
                lock.lock();
                try {
                    while (queue.isEmpty() && !finishing) {
                        queued.awaitUninterruptibly();
                    }
                    if (queue.isEmpty()) {
                        return;
                    }
                    while (!queue.isEmpty() && batch.size() < maxBatch) {
                        batch.add(queue.poll());
                    }
                } finally {
                    lock.unlock();
                }
                writing.lock();
                try {
                    write(batch);
                } catch (Throwable e) {
                    // Whatever escaped (an Error): no caller may wait forever.
                    for (Entry entry : batch) {
                        entry.result.completeExceptionally(e);
                    }
                    if (e instanceof Error error) {
                        throw error;
                    }
                } finally {
                    writing.unlock();
                    batch.clear();
                }
            }
        }

        private void write(List<Entry> batch) {
            List<BatchWriter.Pending> pending = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                pending.add(new BatchWriter.Pending(i + 1, batch.get(i).update()));
            }
            IngestRun run = new IngestRun(new IngestListener() {
            }, true);
            roots.newRun();
            RuntimeException thrown = null;
            try {
                writer.write(pending, run);
            } catch (RuntimeException e) {
                thrown = e;
            }
            for (int i = 0; i < batch.size(); i++) {
                Entry entry = batch.get(i);
                IngestRun.Fate fate = run.fateOf(i + 1);
                boolean settled = fate != null && fate.outcome() != IngestResult.Outcome.FAILED;
                if (settled || (batch.size() == 1 && thrown == null && fate != null)) {
                    complete(entry, fate);
                } else if (batch.size() == 1 && thrown != null) {
                    entry.result.completeExceptionally(thrown);
                } else {
                    writeAlone(entry);
                }
            }
        }

        /** The retry of an update whose batch failed: its own write, its own outcome. */
        private void writeAlone(Entry entry) {
            IngestRun run = new IngestRun(new IngestListener() {
            }, true);
            roots.newRun();
            try {
                writer.write(List.of(new BatchWriter.Pending(1, entry.update())), run);
            } catch (RuntimeException e) {
                entry.result.completeExceptionally(e);
                return;
            }
            IngestRun.Fate fate = run.fateOf(1);
            if (fate == null) {
                entry.result.completeExceptionally(new IllegalStateException("The update of chat "
                        + entry.update().chat().id() + " was neither stored nor reported as failed; this is a bug"));
                return;
            }
            complete(entry, fate);
        }

        private void complete(Entry entry, IngestRun.Fate fate) {
            IngestMetrics.count(fate.source(), fate.outcome().name().toLowerCase(Locale.ROOT));
            entry.result.complete(new IngestResult(fate.outcome(), fate.detail()));
        }
    }
}
