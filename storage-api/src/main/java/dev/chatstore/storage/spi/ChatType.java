package dev.chatstore.storage.spi;

/** Telegram chat type. Stored as its lower-case text {@link #value()}. */
public enum ChatType implements StoredValue {
    PRIVATE("private"),
    GROUP("group"),
    SUPERGROUP("supergroup"),
    CHANNEL("channel");

    private final String value;

    ChatType(String value) {
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
    public static ChatType fromValue(String value) {
        return StoredValue.parse(ChatType.class, value);
    }
}
