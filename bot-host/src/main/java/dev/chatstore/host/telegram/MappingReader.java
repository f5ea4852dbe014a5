package dev.chatstore.host.telegram;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads, parses and maps an ingest's input on a thread of its own, so that on a second core the next updates are
 * parsed while the caller writes the previous batch. It hands over chunks of mapped updates, in input order, through
 * a queue of {@value #CHUNKS_AHEAD} chunks: at most that many chunks, plus the one being filled and the one being
 * written, are in memory. What the caller does with them (counting, reporting malformed lines, writing) stays on the
 * caller's thread. Thread-safe for one consumer: {@link #next} and {@link #close} from the thread that started it.
 */
final class MappingReader implements AutoCloseable {
    /** One input value: the mapped update, or why it could not be read or mapped. */
    record Mapped(long line, long linesRead, MappedUpdate update, String error) {
    }

    /**
     * Consecutive values and the lines read up to the last of them (for the last chunk, to the end of the input); the
     * last chunk has {@code end} set, and {@code failure} when reading stopped on one (the values before it are in
     * the chunk).
     */
    record Chunk(List<Mapped> items, long linesRead, boolean end, Throwable failure) {
    }

    private static final int CHUNKS_AHEAD = 2;
    private static final long OFFER_WAIT_MILLIS = 100;

    private final UpdateStream stream;
    private final TelegramUpdateMapper mapper;
    private final int chunkSize;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread thread;
    private volatile boolean closed;

    private MappingReader(UpdateStream stream, TelegramUpdateMapper mapper, int chunkSize) {
        this.stream = stream;
        this.mapper = mapper;
        this.chunkSize = chunkSize;
        this.thread = new Thread(this::run, "chatstore-ingest-reader");
        // Daemon: a reader blocked on an input that never ends (a pipe) must not keep the JVM alive after a failure.
        thread.setDaemon(true);
    }

    static MappingReader start(UpdateStream stream, TelegramUpdateMapper mapper, int chunkSize) {
        MappingReader reader = new MappingReader(stream, mapper, chunkSize);
        reader.thread.start();
        return reader;
    }

    /** The next chunk, waiting for it; after the chunk with {@code end} set, not to be called again. */
    Chunk next() throws InterruptedIOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the next updates of the input");
        }
    }

    /**
     * Stops reading: the thread ends after its current read (it is not interrupted, as interrupting a read of a
     * file channel closes the channel). Waits a moment for it; a reader blocked on a pipe is left to end with it.
     */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Mapped> items = new ArrayList<>(chunkSize);
        try {
            while (!closed) {
                UpdateStream.Item item = stream.next();
                if (item == null) {
                    hand(new Chunk(items, stream.linesRead(), true, null));
                    return;
                }
                items.add(map(item));
                if (items.size() >= chunkSize) {
                    hand(new Chunk(items, stream.linesRead(), false, null));
                    items = new ArrayList<>(chunkSize);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            hand(new Chunk(items, stream.linesRead(), true, e));
        }
    }

    private Mapped map(UpdateStream.Item item) {
        long linesRead = stream.linesRead();
        if (item.error() != null) {
            return new Mapped(item.line(), linesRead, null, item.error());
        }
        try {
            return new Mapped(item.line(), linesRead, mapper.map(item.value()), null);
        } catch (MalformedUpdateException e) {
            return new Mapped(item.line(), linesRead, null, e.getMessage());
        }
    }

    private void hand(Chunk chunk) {
        try {
            while (!closed) {
                if (queue.offer(chunk, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
