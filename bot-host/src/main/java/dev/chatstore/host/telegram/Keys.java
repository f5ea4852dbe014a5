package dev.chatstore.host.telegram;

/** Hash codes for the ingester's (chat, something) keys. Thread-safe: stateless. */
final class Keys {
    private Keys() {
    }

    /**
     * A hash of a chat id and another key's hash that spreads both over all 32 bits. A record's default,
     * {@code 31 * hash(chat) + hash(other)}, collides whenever chat ids differ by a few and the other keys by 31 times
     * that (chat -1001 member 62 and chat -1002 member 31), which the ingest's chat and member numbering hits all the
     * time.
     */
    static int mix(long chatId, int other) {
        long h = (chatId * 0x9E3779B97F4A7C15L) ^ (other * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 32));
    }
}
