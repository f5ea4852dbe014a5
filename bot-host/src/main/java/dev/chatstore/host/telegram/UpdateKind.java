package dev.chatstore.host.telegram;

/** Which field of a Telegram {@code Update} carries its content. */
public enum UpdateKind {
    MESSAGE("message", false, false),
    EDITED_MESSAGE("edited_message", true, false),
    CHANNEL_POST("channel_post", false, true),
    EDITED_CHANNEL_POST("edited_channel_post", true, true),
    /** Any other kind ({@code callback_query}, {@code my_chat_member}, ...): counted, never stored. */
    IGNORED(null, false, false);

    private final String field;
    private final boolean edit;
    private final boolean channelPost;

    UpdateKind(String field, boolean edit, boolean channelPost) {
        this.field = field;
        this.edit = edit;
        this.channelPost = channelPost;
    }

    /** The Update's field name for this kind, or null for {@link #IGNORED}. */
    public String field() {
        return field;
    }

    /** Whether the update is a new version of a message sent earlier. */
    public boolean isEdit() {
        return edit;
    }

    /** Whether the message was posted in a channel. */
    public boolean isChannelPost() {
        return channelPost;
    }
}
