package dev.chatstore.storage.spi;

/** A call reached a store after {@link ChatStore#close()}. Create a new store; a closed one never reopens. */
public class StorageClosedException extends StorageException {
    public StorageClosedException(String what, String operation) {
        super(String.format("%s is closed; %s cannot run. Open a new store (the storage was shut down).", what, operation));
    }
}
