package dev.chatstore.storage.spi;

/**
 * Root of every failure Chatstore reports. Unchecked, so bot code catches only the kinds it can act on.
 *
 * <p>Messages name the source, the operation and what to do. Backends wrap {@code SQLException} and other
 * driver failures in exactly one place, adding the source name, and keep the original as the cause.
 */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
