package dev.chatstore.host.telegram;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MediaAttachment;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one Telegram {@code Update} means for the store: made by {@link TelegramUpdateMapper}. Immutable.
 *
 * @param updateId the update's {@code update_id}
 * @param kind     which update field carried the content
 * @param field    the update field name, for example {@code message} or {@code callback_query} for an ignored kind
 * @param chat     the chat the message belongs to; null only when {@link #isIgnored()}
 * @param sender   the author as a member of the chat, or null when the message names none
 * @param message  the message to store (its {@code rootMessageId} is its own id; the ingester sets the
 *                 parent's root when the reply target is stored); null only when {@link #isIgnored()}
 * @param topic    forum topic information carried by the message, or null
 * @param media    a media record for each distinct file the message carries; empty when none
 */
public record MappedUpdate(long updateId, UpdateKind kind, String field, Chat chat, Sender sender, ChatMessage message,
                           Topic topic, List<MediaAttachment> media) {
    public MappedUpdate {
        requireNonNull(kind, "kind is null");
        requireNonNull(field, "field is null");
        media = List.copyOf(requireNonNull(media, "media is null"));
        if (kind != UpdateKind.IGNORED) {
            requireNonNull(chat, "chat is null");
            requireNonNull(message, "message is null");
        }
    }

    /** An update of a kind that carries no message ({@code callback_query}, {@code my_chat_member}, ...). */
    public static MappedUpdate ignored(long updateId, String field) {
        return new MappedUpdate(updateId, UpdateKind.IGNORED, field, null, null, null, null, List.of());
    }

    public boolean isIgnored() {
        return kind == UpdateKind.IGNORED;
    }

    public boolean isEdit() {
        return kind.isEdit();
    }

    /**
     * A chat as {@code chat_info} records it.
     *
     * @param title    group or channel title, or null (private chats)
     * @param username public username without {@code @}, or null
     */
    public record Chat(long id, ChatType type, String title, String username, boolean isForum) {
        public Chat {
            requireNonNull(type, "type is null");
        }
    }

    /**
     * The author of a message as a {@code chat_users} row. For a message sent on behalf of a chat (channel posts,
     * anonymous admins, channels writing in groups) this is that chat: its id, username and title.
     *
     * @param username as stored in {@code chat_users}: {@code @username}; without one, the full name for a user and
     *                 {@code ''} for a sending chat
     * @param fullName first and last name joined (or the sending chat's title), never null
     */
    public record Sender(long userId, String username, String fullName) {
        public Sender {
            requireNonNull(username, "username is null");
            requireNonNull(fullName, "fullName is null");
        }
    }

    /**
     * Forum topic information, keyed by the topic's {@code message_thread_id}. Null fields are unknown (a
     * {@code forum_topic_edited} names only what changed) and keep the stored value.
     *
     * @param announced true when the message itself creates or edits the topic; false when the information comes
     *                  from the topic's creation message that Telegram attaches to messages in the topic, which
     *                  predates any rename and so only names a topic not stored yet
     */
    public record Topic(long topicId, String name, Integer iconColor, String iconCustomEmojiId, boolean announced) {
    }
}
