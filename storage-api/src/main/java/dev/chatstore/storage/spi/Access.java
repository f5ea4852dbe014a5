package dev.chatstore.storage.spi;

/** Whether an operation only reads or may change stored data. The readonly guard refuses every {@link #WRITE}. */
public enum Access {
    READ,
    WRITE
}
