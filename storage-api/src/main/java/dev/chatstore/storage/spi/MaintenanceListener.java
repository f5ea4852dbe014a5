package dev.chatstore.storage.spi;

/**
 * Hears how far a long {@link StoreAdmin#maintain} step got, for a progress bar. Called from the maintaining thread
 * or from one helper thread, never from two at once; every method defaults to doing nothing.
 */
public interface MaintenanceListener {
    /** Does nothing. */
    MaintenanceListener NONE = new MaintenanceListener() {
    };

    /**
     * @param step  the step running, e.g. {@code "compacted copy"}
     * @param done  work done so far (bytes for a copy)
     * @param total the whole, or -1 when unknown
     */
    default void progress(String step, long done, long total) {
    }
}
