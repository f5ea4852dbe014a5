package dev.chatstore.host.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageType;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

import static dev.chatstore.host.telegram.JsonFields.describe;
import static dev.chatstore.host.telegram.JsonFields.optBoolean;
import static dev.chatstore.host.telegram.JsonFields.optInt;
import static dev.chatstore.host.telegram.JsonFields.optLong;
import static dev.chatstore.host.telegram.JsonFields.optObject;
import static dev.chatstore.host.telegram.JsonFields.optText;
import static dev.chatstore.host.telegram.JsonFields.path;
import static dev.chatstore.host.telegram.JsonFields.requireLong;
import static dev.chatstore.host.telegram.JsonFields.requireObject;
import static dev.chatstore.host.telegram.JsonFields.requireText;

/**
 * Maps one Telegram Bot API {@code Update} (a Jackson tree) to a {@link MappedUpdate}: the chat, the sender as a
 * chat member, the message, forum topic information and media records.
 *
 * <p>Rules beyond the Bot API's field names:
 * <ul>
 *   <li>Sender: {@code sender_chat} when present (channel posts, anonymous group admins, channels writing in a
 *       group), with the chat's id, username and title; else {@code from}; else none, and the message's user id is
 *       the chat's own id.</li>
 *   <li>Category: {@code channel} for channel posts and for messages sent on behalf of a channel; {@code bot} when
 *       {@code from.is_bot} (and no {@code sender_chat}); {@code user-command} when the text starts with a
 *       {@code bot_command} entity; {@code user} otherwise, including anonymous admins.</li>
 *   <li>Reply: {@code reply_to_message.message_id}, except that in forum topics Telegram puts the topic's creation
 *       message in {@code reply_to_message} of every message that replies to nothing; that is not a reply. The
 *       message's {@code rootMessageId} is its own id; {@link UpdateIngester} sets the parent's root instead when
 *       the reply target is stored in that chat (as the original bot does).</li>
 *   <li>Topics: from {@code forum_topic_created} and {@code forum_topic_edited} ({@link MappedUpdate.Topic#announced()}),
 *       and from the creation message that topic messages carry as their implicit reply, so that topics created
 *       before the bot joined get names.</li>
 * </ul>
 *
 * <p>Thread-safe: stateless.
 */
public final class TelegramUpdateMapper {
    /**
     * Maps one update.
     *
     * @param update the parsed {@code Update} object, non-null
     * @return the mapped update; {@link MappedUpdate#isIgnored()} for kinds other than (edited) messages and
     *         (edited) channel posts
     * @throws MalformedUpdateException if the update is not an object, lacks {@code update_id} or, for a message,
     *                                  {@code message_id}, {@code date} or {@code chat}, or a field has the wrong
     *                                  type or is out of range; the message names the field
     */
    public MappedUpdate map(JsonNode update) {
        if (update == null || !update.isObject()) {
            throw new MalformedUpdateException("update", "a JSON object", describe(update));
        }
        long updateId = requireLong(update, "update_id", "");
        for (UpdateKind kind : UpdateKind.values()) {
            if (kind != UpdateKind.IGNORED && JsonFields.get(update, kind.field()) != null) {
                return mapMessage(updateId, kind, requireObject(update, kind.field(), ""));
            }
        }
        return MappedUpdate.ignored(updateId, otherField(update));
    }

    private static String otherField(JsonNode update) {
        for (Iterator<String> names = update.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("update_id")) {
                return name;
            }
        }
        return "(none)";
    }

    private MappedUpdate mapMessage(long updateId, UpdateKind kind, JsonNode message) {
        String p = kind.field();
        long messageId = requireLong(message, "message_id", p);
        Instant date = date(message, p);
        MappedUpdate.Chat chat = chat(requireObject(message, "chat", p), path(p, "chat"));
        JsonNode from = optObject(message, "from", p);
        JsonNode senderChat = optObject(message, "sender_chat", p);
        MappedUpdate.Sender sender = sender(from, senderChat, p);
        long threadId = orZero(optLong(message, "message_thread_id", p));

        JsonNode replyTo = optObject(message, "reply_to_message", p);
        String replyId = null;
        MappedUpdate.Topic topic = topic(message, p, messageId, threadId);
        if (replyTo != null) {
            String replyPath = path(p, "reply_to_message");
            long replyToId = requireLong(replyTo, "message_id", replyPath);
            JsonNode created = optObject(replyTo, "forum_topic_created", replyPath);
            boolean implicitTopicReply = optBoolean(message, "is_topic_message", p) && created != null
                    && replyToId == threadId;
            if (implicitTopicReply) {
                topic = topic == null
                        ? createdTopic(created, path(replyPath, "forum_topic_created"), threadId, false) : topic;
            } else {
                replyId = Long.toString(replyToId);
            }
        }
        JsonNode quote = optObject(message, "quote", p);
        String quoteText = quote == null ? null : optText(quote, "text", path(p, "quote"));

        String text = optText(message, "text", p);
        String caption = optText(message, "caption", p);
        MediaMapper.Primary media = MediaMapper.primary(message, p);
        MessageType type = media != null ? media.type()
                : text != null || caption != null ? MessageType.TEXT : MessageType.UNKNOWN;

        ChatMessage chatMessage = ChatMessage.builder(chat.id(), Long.toString(messageId),
                        sender == null ? chat.id() : sender.userId(), date)
                .text(text != null ? text : caption != null ? caption : "")
                .type(type)
                .category(category(kind, from, senderChat, message, p))
                .replyId(replyId)
                .rootMessageId(Long.toString(messageId))
                .threadId(threadId)
                .quoteText(quoteText)
                .mediaId(media == null ? null : media.attachment().fileUniqueId())
                .build();
        List<MediaAttachment> attachments = media == null ? List.of() : List.of(media.attachment());
        return new MappedUpdate(updateId, kind, kind.field(), chat, sender, chatMessage, topic, attachments);
    }

    private static Instant date(JsonNode message, String p) {
        long seconds = requireLong(message, "date", p);
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) {
            throw new MalformedUpdateException(path(p, "date"), "Unix time in seconds", "integer " + seconds);
        }
    }

    private static MappedUpdate.Chat chat(JsonNode chat, String p) {
        long id = requireLong(chat, "id", p);
        String typeText = requireText(chat, "type", p);
        ChatType type;
        try {
            type = ChatType.fromValue(typeText);
        } catch (IllegalArgumentException e) {
            throw new MalformedUpdateException(path(p, "type"), "one of private, group, supergroup, channel",
                    describe(chat.get("type")));
        }
        return new MappedUpdate.Chat(id, type, optText(chat, "title", p), optText(chat, "username", p),
                optBoolean(chat, "is_forum", p));
    }

    /**
     * The sender as the original bot stores it (spec/host.md "How an update maps to rows"): {@code @username}; a
     * user without one gets the full name (python-telegram-bot's {@code User.name}), a sending chat without one
     * {@code ''}. The full name is {@code first_name} and {@code last_name} joined by one space.
     */
    private static MappedUpdate.Sender sender(JsonNode from, JsonNode senderChat, String p) {
        if (senderChat != null) {
            String chatPath = path(p, "sender_chat");
            long id = requireLong(senderChat, "id", chatPath);
            String username = optText(senderChat, "username", chatPath);
            String title = optText(senderChat, "title", chatPath);
            return new MappedUpdate.Sender(id, username == null ? "" : "@" + username,
                    title != null ? title : username != null ? username : "");
        }
        if (from != null) {
            String fromPath = path(p, "from");
            long id = requireLong(from, "id", fromPath);
            String username = optText(from, "username", fromPath);
            String first = optText(from, "first_name", fromPath);
            String last = optText(from, "last_name", fromPath);
            String fullName = first == null ? (last == null ? "" : last)
                    : last == null ? first : first + " " + last;
            return new MappedUpdate.Sender(id, username == null ? fullName : "@" + username, fullName);
        }
        return null;
    }

    private static MessageCategory category(UpdateKind kind, JsonNode from, JsonNode senderChat, JsonNode message,
                                            String p) {
        if (kind.isChannelPost()) {
            return MessageCategory.CHANNEL;
        }
        if (senderChat != null && "channel".equals(optText(senderChat, "type", path(p, "sender_chat")))) {
            return MessageCategory.CHANNEL;
        }
        if (senderChat == null && from != null && optBoolean(from, "is_bot", path(p, "from"))) {
            return MessageCategory.BOT;
        }
        return startsWithCommand(message) ? MessageCategory.USER_COMMAND : MessageCategory.USER;
    }

    private static boolean startsWithCommand(JsonNode message) {
        JsonNode entities = message.get("entities");
        if (entities == null || !entities.isArray() || entities.isEmpty()) {
            return false;
        }
        JsonNode first = entities.get(0);
        return "bot_command".equals(first.path("type").asText()) && first.path("offset").asLong(-1) == 0;
    }

    private static MappedUpdate.Topic topic(JsonNode message, String p, long messageId, long threadId) {
        JsonNode created = optObject(message, "forum_topic_created", p);
        if (created != null) {
            // The creation message opens its topic: its thread id is its own message id.
            return createdTopic(created, path(p, "forum_topic_created"), threadId != 0 ? threadId : messageId, true);
        }
        JsonNode edited = optObject(message, "forum_topic_edited", p);
        if (edited != null && threadId != 0) {
            String editedPath = path(p, "forum_topic_edited");
            return new MappedUpdate.Topic(threadId, optText(edited, "name", editedPath), null,
                    optText(edited, "icon_custom_emoji_id", editedPath), true);
        }
        return null;
    }

    private static MappedUpdate.Topic createdTopic(JsonNode created, String createdPath, long topicId,
                                                   boolean announced) {
        return new MappedUpdate.Topic(topicId, optText(created, "name", createdPath),
                optInt(created, "icon_color", createdPath), optText(created, "icon_custom_emoji_id", createdPath),
                announced);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
