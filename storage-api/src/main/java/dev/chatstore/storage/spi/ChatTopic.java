package dev.chatstore.storage.spi;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A forum topic (table {@code chat_topics}).
 *
 * @param iconColor     RGB colour of the topic icon, or null
 * @param customEmojiId custom emoji of the icon, or null
 * @param name          topic name; "Default" when it was never given
 */
public record ChatTopic(long chatId, long topicId, Integer iconColor, String customEmojiId, String name,
                        Instant createdAt, Instant updatedAt)
        implements ChatKeyed {
    /** The name stored when a topic is recorded without one. */
    public static final String DEFAULT_NAME = "Default";

    public ChatTopic {
        requireNonNull(name, "name is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        createdAt = Timestamps.seconds(createdAt);
        updatedAt = Timestamps.seconds(updatedAt);
    }
}
