package dev.chatstore.storage.spi;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A user as a member of one chat (table {@code chat_users}).
 *
 * @param timezone      IANA zone name or null
 * @param messagesCount messages stored for this user in this chat (bumped by {@link MessageStore#addChatMessage})
 * @param createdAt     first seen, UTC seconds
 * @param updatedAt     last seen or changed, UTC seconds
 * @param metadata      free text (JSON by convention), empty when unset
 */
public record ChatUser(
        long chatId,
        long userId,
        String username,
        String fullName,
        String timezone,
        long messagesCount,
        Instant createdAt,
        Instant updatedAt,
        boolean isSpammer,
        String metadata)
        implements ChatKeyed {
    public ChatUser {
        requireNonNull(username, "username is null");
        requireNonNull(fullName, "fullName is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(metadata, "metadata is null");
        createdAt = Timestamps.seconds(createdAt);
        updatedAt = Timestamps.seconds(updatedAt);
    }
}
