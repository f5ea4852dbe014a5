package dev.chatstore.storage.spi;

/** A row with the same primary key is already stored; nothing was changed. */
public class DuplicateKeyException extends StorageException {
    public DuplicateKeyException(String message) {
        super(message);
    }

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
