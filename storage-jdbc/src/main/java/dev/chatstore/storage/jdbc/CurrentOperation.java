package dev.chatstore.storage.jdbc;

/**
 * The name of the operation running on this thread, set by the assembled store ({@link StoreParts}) around each
 * call from the SPI method's {@link dev.chatstore.storage.spi.OperationDescriptor}, so parts never spell
 * operation names and every failure still names its operation.
 */
final class CurrentOperation {
    private static final ThreadLocal<String> NAME = new ThreadLocal<>();

    private CurrentOperation() {
    }

    /** The running operation, or {@code "call"} outside an assembled store (a part's own test). */
    static String name() {
        String name = NAME.get();
        return name != null ? name : "call";
    }

    /** Sets the name and returns the previous one, for {@link #restore}. */
    static String enter(String name) {
        String previous = NAME.get();
        NAME.set(name);
        return previous;
    }

    static void restore(String previous) {
        if (previous == null) {
            NAME.remove();
        } else {
            NAME.set(previous);
        }
    }
}
