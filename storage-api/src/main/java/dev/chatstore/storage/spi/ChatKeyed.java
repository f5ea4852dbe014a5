package dev.chatstore.storage.spi;

/** A value that belongs to one chat; the routing layer routes and de-duplicates it by {@link #chatId()}. */
public interface ChatKeyed {
    /** The Telegram chat id (negative for groups, up to 13 digits). */
    long chatId();
}
