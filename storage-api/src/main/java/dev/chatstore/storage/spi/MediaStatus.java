package dev.chatstore.storage.spi;

/** Processing state of a media attachment. Stored as its lower-case text {@link #value()}. */
public enum MediaStatus implements StoredValue {
    NEW("new"),
    PENDING("pending"),
    DONE("done"),
    FAILED("failed");

    private final String value;

    MediaStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /**
     * The constant whose stored text is {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that text (the message lists the known values)
     */
    public static MediaStatus fromValue(String value) {
        return StoredValue.parse(MediaStatus.class, value);
    }
}
