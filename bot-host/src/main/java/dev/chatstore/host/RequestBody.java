package dev.chatstore.host;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads a request's body without blocking a thread while the client is slow: each time no bytes are there it asks
 * Jetty to call back when there are ({@link Request#demand}), so a stalled upload holds a socket, not a worker, until
 * the idle timeout. Not thread-safe; Jetty calls it from one thread at a time.
 */
final class RequestBody implements Runnable {
    /** What happens when the body is complete, too large or cannot be read. Exactly one method is called, once. */
    interface Listener {
        void onBody(byte[] body);

        void onTooLarge();

        void onFailure(Throwable failure);
    }

    private final Request request;
    private final int maxBytes;
    private final Listener listener;
    private byte[] bytes;
    private int size;

    private RequestBody(Request request, int maxBytes, Listener listener) {
        this.request = request;
        this.maxBytes = maxBytes;
        this.listener = listener;
        long declared = request.getLength();
        // Grown as bytes arrive: a declared length is only a promise, and a client that never sends must not cost memory.
        this.bytes = new byte[(int) Math.min(maxBytes, declared > 0 ? Math.min(declared, 1 << 16) : 4096)];
    }

    /** Starts reading; the listener is told the outcome, possibly on another thread, possibly before this returns. */
    static void read(Request request, int maxBytes, Listener listener) {
        new RequestBody(request, maxBytes, listener).run();
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                listener.onFailure(chunk.getFailure());
                return;
            }
            try {
                ByteBuffer buffer = chunk.getByteBuffer();
                int length = buffer.remaining();
                if (length > maxBytes - size) {
                    listener.onTooLarge();
                    return;
                }
                if (size + length > bytes.length) {
                    bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(size + length, 2L * bytes.length)));
                }
                buffer.get(bytes, size, length);
                size += length;
            } finally {
                chunk.release();
            }
            if (chunk.isLast()) {
                listener.onBody(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
                return;
            }
        }
    }
}
