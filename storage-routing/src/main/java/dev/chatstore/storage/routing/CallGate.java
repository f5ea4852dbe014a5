package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.StorageClosedException;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the calls in flight through a storage and turns calls away once it is closing, so {@code close()} can let
 * the running ones finish before it closes the sources under them. Thread-safe; lock-free on the call path.
 */
final class CallGate {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object drained = new Object();
    private volatile boolean closed;

    /** @throws StorageClosedException once {@link #close} has begun */
    void enter(String operation) {
        inFlight.incrementAndGet();
        // Checked after counting ourselves in: close() either sees this call or this call sees close().
        if (closed) {
            exit();
            throw new StorageClosedException("storage", operation);
        }
    }

    void exit() {
        if (inFlight.decrementAndGet() == 0 && closed) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** Throws {@link StorageClosedException} if closed, without counting a call. */
    void checkOpen(String operation) {
        if (closed) {
            throw new StorageClosedException("storage", operation);
        }
    }

    /**
     * Turns new calls away, then waits until the calls in flight have finished or {@code grace} has passed.
     *
     * @return whether every call in flight finished
     */
    boolean close(Duration grace) {
        closed = true;
        long start = System.nanoTime();
        long graceNanos = grace.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : grace.toNanos();
        synchronized (drained) {
            while (inFlight.get() > 0) {
                long remaining = graceNanos - (System.nanoTime() - start);
                if (remaining <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(drained, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    boolean isClosed() {
        return closed;
    }
}
