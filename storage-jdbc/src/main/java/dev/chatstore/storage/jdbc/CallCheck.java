package dev.chatstore.storage.jdbc;

/**
 * A backend's check before each call, for example SQLite's "is the file still the one opened". Throws a
 * {@link dev.chatstore.storage.spi.StorageException} to refuse the call. Thread-safe.
 */
@FunctionalInterface
public interface CallCheck {
    CallCheck NONE = (operation, write) -> { };

    /**
     * @param operation the operation's name, for the message
     * @param write     whether the call writes (a check may be cheaper for reads)
     */
    void check(String operation, boolean write);
}
