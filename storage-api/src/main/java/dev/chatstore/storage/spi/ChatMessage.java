package dev.chatstore.storage.spi;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One chat message (table {@code chat_messages}). Build with {@link #builder}.
 *
 * @param chatId        the chat
 * @param messageId     Telegram message id, stored as text; unique within the chat
 * @param date          when it was sent; whole seconds (cut on construction), UTC
 * @param userId        the sender; for channel posts and anonymous admins, the chat's own id
 * @param replyId       the message it replies to, or null
 * @param threadId      forum topic or thread, 0 when none
 * @param rootMessageId the first message of its reply chain, or null
 * @param text          text or caption, never null (empty for media without caption)
 * @param type          content kind
 * @param category      who produced it
 * @param quoteText     the quoted part of the replied message, or null
 * @param mediaId       {@code file_unique_id} of its media attachment, or null
 * @param username      read only: the sender's username from {@code chat_users}, empty when that row is missing;
 *                      ignored by writes (use {@link UserStore#updateChatUser})
 * @param fullName      read only, like {@code username}
 */
public record ChatMessage(
        long chatId,
        String messageId,
        Instant date,
        long userId,
        String replyId,
        long threadId,
        String rootMessageId,
        String text,
        MessageType type,
        MessageCategory category,
        String quoteText,
        String mediaId,
        String username,
        String fullName)
        implements ChatKeyed {
    public ChatMessage {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(date, "date is null");
        requireNonNull(text, "text is null");
        requireNonNull(type, "type is null");
        requireNonNull(category, "category is null");
        username = username == null ? "" : username;
        fullName = fullName == null ? "" : fullName;
        date = Timestamps.seconds(date);
    }

    /** A builder with type {@code text}, category {@code user}, thread 0, empty text. */
    public static Builder builder(long chatId, String messageId, long userId, Instant date) {
        return new Builder(chatId, messageId, userId, date);
    }

    /** A builder initialised from this message. */
    public Builder toBuilder() {
        return new Builder(chatId, messageId, userId, date).replyId(replyId).threadId(threadId)
                .rootMessageId(rootMessageId).text(text).type(type).category(category).quoteText(quoteText)
                .mediaId(mediaId).author(username, fullName);
    }

    /** This message without the read-only author fields, as a write would store it. */
    public ChatMessage withoutAuthor() {
        return toBuilder().author("", "").build();
    }

    /** Builds {@link ChatMessage}; not thread-safe. */
    public static final class Builder {
        private final long chatId;
        private final String messageId;
        private final long userId;
        private final Instant date;
        private String replyId;
        private long threadId;
        private String rootMessageId;
        private String text = "";
        private MessageType type = MessageType.TEXT;
        private MessageCategory category = MessageCategory.USER;
        private String quoteText;
        private String mediaId;
        private String username = "";
        private String fullName = "";

        private Builder(long chatId, String messageId, long userId, Instant date) {
            this.chatId = chatId;
            this.messageId = messageId;
            this.userId = userId;
            this.date = date;
        }

        public Builder replyId(String replyId) {
            this.replyId = replyId;
            return this;
        }

        public Builder threadId(long threadId) {
            this.threadId = threadId;
            return this;
        }

        public Builder rootMessageId(String rootMessageId) {
            this.rootMessageId = rootMessageId;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder type(MessageType type) {
            this.type = type;
            return this;
        }

        public Builder category(MessageCategory category) {
            this.category = category;
            return this;
        }

        public Builder quoteText(String quoteText) {
            this.quoteText = quoteText;
            return this;
        }

        public Builder mediaId(String mediaId) {
            this.mediaId = mediaId;
            return this;
        }

        /** The read-only author fields; only stores set them on read. */
        public Builder author(String username, String fullName) {
            this.username = username;
            this.fullName = fullName;
            return this;
        }

        public ChatMessage build() {
            return new ChatMessage(chatId, messageId, date, userId, replyId, threadId, rootMessageId, text, type,
                    category, quoteText, mediaId, username, fullName);
        }
    }
}
