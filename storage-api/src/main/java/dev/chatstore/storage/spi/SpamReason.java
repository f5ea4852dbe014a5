package dev.chatstore.storage.spi;

/** Why a message was recorded as spam or ham. Stored as its lower-case text {@link #value()}. */
public enum SpamReason implements StoredValue {
    AUTO("auto"),
    USER("user"),
    ADMIN("admin"),
    UNBAN("unban");

    private final String value;

    SpamReason(String value) {
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
    public static SpamReason fromValue(String value) {
        return StoredValue.parse(SpamReason.class, value);
    }
}
