package dev.chatstore.storage.spi;

import static java.util.Objects.requireNonNull;

/**
 * A write was routed to a readonly source. Thrown before any SQL runs, so nothing was changed anywhere.
 */
public class ReadOnlySourceException extends StorageException {
    private final String sourceName;
    private final String operation;

    public ReadOnlySourceException(String sourceName, String operation) {
        super(String.format("Cannot perform write operation on readonly source '%s'. This source is configured as readonly. "
                        + "(operation: %s; route the chat to a writable source or set readonly = false)",
                requireNonNull(sourceName, "sourceName is null"), requireNonNull(operation, "operation is null")));
        this.sourceName = sourceName;
        this.operation = operation;
    }

    public String sourceName() {
        return sourceName;
    }

    /** The refused operation's method name, for example {@code addChatMessage}. */
    public String operation() {
        return operation;
    }
}
