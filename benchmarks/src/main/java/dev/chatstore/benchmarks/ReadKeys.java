package dev.chatstore.benchmarks;

import java.util.SplittableRandom;

/**
 * Which rows the reads ask for: a fixed pseudo-random sequence over the stored messages (every chat, old and new
 * rows alike), precomputed so that picking a key costs an array read, not a random draw.
 */
final class ReadKeys {
    private static final int SIZE = 1 << 14;

    private final long[] chats = new long[SIZE];
    private final String[] messageIds = new String[SIZE];
    private int next;

    ReadKeys(int storedMessages, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SIZE; i++) {
            long n = random.nextInt(storedMessages);
            chats[i] = SampleMessages.message(n).chatId();
            messageIds[i] = Long.toString(n);
        }
    }

    /** Advances to the next key; read it with {@link #chatId()} and {@link #messageId()}. */
    void advance() {
        next = (next + 1) & (SIZE - 1);
    }

    long chatId() {
        return chats[next];
    }

    String messageId() {
        return messageIds[next];
    }
}
