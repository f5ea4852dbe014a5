package dev.chatstore.storage.spi;

/** Who or what produced a stored message. Stored as its lower-case text {@link #value()}. */
public enum MessageCategory implements StoredValue {
    UNSPECIFIED("unspecified"),
    USER("user"),
    USER_COMMAND("user-command"),
    CHANNEL("channel"),
    BOT("bot"),
    BOT_COMMAND_REPLY("bot-command-reply"),
    BOT_ERROR("bot-error"),
    BOT_SUMMARY("bot-summary"),
    BOT_SPAM_NOTIFICATION("bot-spam-notification"),
    USER_SPAM("user-spam");

    private final String value;

    MessageCategory(String value) {
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
    public static MessageCategory fromValue(String value) {
        return StoredValue.parse(MessageCategory.class, value);
    }
}
