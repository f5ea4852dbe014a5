package dev.chatstore.storage.spi;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * What is known of a chat (table {@code chat_info}).
 *
 * @param title    group title, or null (private chats)
 * @param username public {@code @username} without the at sign, or null
 * @param isForum  whether the supergroup has forum topics
 */
public record ChatInfo(long chatId, ChatType type, String title, String username, boolean isForum, Instant createdAt,
                       Instant updatedAt)
        implements ChatKeyed {
    public ChatInfo {
        requireNonNull(type, "type is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        createdAt = Timestamps.seconds(createdAt);
        updatedAt = Timestamps.seconds(updatedAt);
    }

    /** Whether this is a group or supergroup (what {@link UserStore#getAllGroupChats} returns). */
    public boolean isGroup() {
        return type == ChatType.GROUP || type == ChatType.SUPERGROUP;
    }
}
