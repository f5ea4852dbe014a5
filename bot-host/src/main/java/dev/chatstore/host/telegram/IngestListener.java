package dev.chatstore.host.telegram;

/**
 * Hears what {@link UpdateIngester#ingest} skips and how far it got. Every method defaults to doing nothing.
 * Called on the ingesting thread, in input order; an implementation need not be thread-safe.
 */
public interface IngestListener {
    /** Does nothing. */
    IngestListener NONE = new IngestListener() {
    };

    /**
     * An input line was not valid JSON or not a valid {@code Update}; it was skipped.
     *
     * @param line   the 1-based line where the update starts
     * @param reason what is wrong, naming the field when one is at fault
     */
    default void onMalformed(long line, String reason) {
    }

    /**
     * A write for this chat was refused because its target source is readonly. Called once per chat and ingest;
     * the chat's updates are counted as refused and not stored.
     *
     * @param source  the readonly source
     * @param message the refusal, starting with the guide's text
     *                {@code Cannot perform write operation on readonly source 'x'. This source is configured as readonly.}
     */
    default void onRefused(long chatId, String source, String message) {
    }

    /**
     * Storing the update that starts at {@code line} failed (a {@link dev.chatstore.storage.spi.StorageException}
     * other than a refusal); it was counted as failed and ingestion went on. When one write covered several
     * updates, {@code line} is the first of them and {@code message} lists them all.
     */
    default void onFailed(long line, String message) {
    }

    /** Input has been read up to {@code linesRead} lines, and everything before has been written. */
    default void onProgress(long linesRead) {
    }
}
