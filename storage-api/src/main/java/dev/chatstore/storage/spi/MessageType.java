package dev.chatstore.storage.spi;

/** The content kind of a message or media attachment. Stored as its lower-case text {@link #value()}. */
public enum MessageType implements StoredValue {
    TEXT("text"),
    IMAGE("image"),
    STICKER("sticker"),
    ANIMATION("animation"),
    VIDEO("video"),
    VIDEO_NOTE("video-note"),
    AUDIO("audio"),
    VOICE("voice"),
    DOCUMENT("document"),
    UNKNOWN("unknown");

    private final String value;

    MessageType(String value) {
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
    public static MessageType fromValue(String value) {
        return StoredValue.parse(MessageType.class, value);
    }
}
