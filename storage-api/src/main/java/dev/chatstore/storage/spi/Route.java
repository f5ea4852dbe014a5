package dev.chatstore.storage.spi;

/** How the routing layer picks the source(s) of an operation that names no explicit source. */
public enum Route {
    /**
     * By the chat id found in the parameter marked {@link ChatId}: {@code chatMapping[chatId]}, else the default
     * source. When that parameter is a {@code List} of {@link ChatKeyed} items, the list is split by each item's
     * source and every source receives its part in one call; numeric results are summed.
     */
    CHAT,
    /** To the default source: the operation has no chat id (global settings, media, tasks, caches, spam lists). */
    DEFAULT,
    /**
     * To every source in parallel, each within its own timeout; the results are merged as {@link FanOutMerge} says.
     */
    FAN_OUT
}
