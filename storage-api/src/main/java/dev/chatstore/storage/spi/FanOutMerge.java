package dev.chatstore.storage.spi;

/**
 * How the results of a {@link Route#FAN_OUT} operation from several sources become one result: the identity
 * key rows are de-duplicated by, and the order of the merged result.
 *
 * <p>When two sources return the same key, the row of the source the chat routes to (chat mapping, else the
 * default source) wins; between two other sources, the one listed first in the config wins.
 */
public enum FanOutMerge {
    /** Not a fan-out operation. */
    NONE,
    /** A {@code List} of {@link ChatKeyed} rows: de-duplicated by {@link ChatKeyed#chatId()}, ordered by chat id ascending. */
    LIST_BY_CHAT_ID,
    /** A {@code Map<Long, ?>} keyed by chat id: de-duplicated by key, iterated by chat id ascending. */
    MAP_BY_CHAT_ID
}
