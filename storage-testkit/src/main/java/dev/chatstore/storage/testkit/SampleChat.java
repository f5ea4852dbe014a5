package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;
import dev.chatstore.storage.spi.SummarizationKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chat with a row in every table a chat owns (info, members, messages with a thread and media, stats, settings,
 * topics, a summarization, user data, spam and ham), and a snapshot of every read operation's result for it: what
 * a whole-chat move must leave unchanged. For contract tests and the host's move tests. Stateless.
 */
public final class SampleChat {
    /** The users of {@link #populate}. */
    public static final long ALICE = 11L;
    public static final long BOB = 22L;
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    private SampleChat() {
    }

    /** The summarization key {@link #populate} stores. */
    public static SummarizationKey summarizationKey(long chatId) {
        return new SummarizationKey(chatId, 7L, "m1", "m3", "summarize 😀");
    }

    /**
     * Stores a chat with rows in every chat table; {@code messages} messages in all (at least 3), over two days.
     * The media record id is unique per chat.
     */
    public static void populate(ChatStore store, long chatId, int messages) {
        String media = "media-" + chatId;
        store.updateChatInfo(chatId, ChatType.SUPERGROUP, "Chat " + chatId, "chat" + Math.abs(chatId), true);
        store.updateChatUser(chatId, ALICE, "alice", "Alice A");
        store.updateChatUser(chatId, BOB, "bob", "Bob \"B\" 'O'");
        store.markUserIsSpammer(chatId, BOB, true);
        store.updateUserMetadata(chatId, ALICE, "{\"tz\":\"UTC\"}");
        store.addMediaAttachment(MediaAttachment.builder(media, MessageType.IMAGE).fileId("file-" + chatId)
                .fileSize(1234L).metadata("{}").mimeType("image/png").build());
        List<ChatMessage> batch = new ArrayList<>();
        for (int i = 1; i <= Math.max(3, messages); i++) {
            ChatMessage.Builder message = ChatMessage.builder(chatId, "m" + i, i % 2 == 0 ? BOB : ALICE,
                    T0.plus(Duration.ofMinutes(i * 37L))).text("text " + i + " ☃ ' \" --").threadId(7);
            if (i > 1) {
                message.replyId("m" + (i - 1)).rootMessageId("m1");
            } else {
                message.rootMessageId("m1");
            }
            if (i == 2) {
                message.mediaId(media).type(MessageType.IMAGE).quoteText("quoted");
            }
            batch.add(message.build());
            if (batch.size() == 500) {
                store.addChatMessages(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            store.addChatMessages(batch);
        }
        store.setChatSetting(chatId, "lang", "ru");
        store.setChatSetting(chatId, "model", "x");
        store.updateChatTopicInfo(chatId, 7, 0x6FB9F0, "emoji", "Topic seven");
        store.addChatSummarization(summarizationKey(chatId), "a summary");
        store.addUserData(ALICE, chatId, "note", "data ✓");
        store.addSpamMessage(new SpamMessage(chatId, BOB, "m2", "buy now", SpamReason.AUTO, 0.93));
        store.addHamMessage(new SpamMessage(chatId, ALICE, "m1", "hello", SpamReason.ADMIN, 0.1));
    }

    /**
     * Every read operation's result for {@code chatId}, keyed by a description of the call: messages (all, each by
     * id, by root, by user), members (list, each by id and username), user chats and username search (this chat's
     * rows only), user data, settings, info, topics, the summarization, spam by user, and media by id.
     */
    public static Map<String, Object> snapshot(ChatStore store, long chatId) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<ChatMessage> messages = store.getChatMessages(chatId, MessageQuery.all());
        result.put("getChatMessages", messages);
        Set<Long> users = new LinkedHashSet<>(List.of(ALICE, BOB));
        Set<String> roots = new LinkedHashSet<>();
        for (ChatMessage message : messages) {
            result.put("getChatMessage " + message.messageId(), store.getChatMessage(chatId, message.messageId()));
            users.add(message.userId());
            if (message.rootMessageId() != null) {
                roots.add(message.rootMessageId());
            }
            if (message.mediaId() != null) {
                result.put("getMediaAttachment " + message.mediaId(), store.getMediaAttachment(message.mediaId()));
            }
        }
        for (String root : roots) {
            result.put("getChatMessagesByRootId " + root, store.getChatMessagesByRootId(chatId, root, null));
        }
        result.put("getChatUsers", store.getChatUsers(chatId, 100_000, null));
        for (long user : users) {
            result.put("getChatMessagesByUser " + user, store.getChatMessagesByUser(chatId, user, 100_000));
            store.getChatUser(chatId, user).ifPresent(member -> {
                result.put("getChatUser " + user, member);
                result.put("getChatUserByUsername " + member.username(),
                        store.getChatUserByUsername(chatId, member.username()));
            });
            result.put("getUserChats " + user, store.getUserChats(user).stream()
                    .filter(chat -> chat.chatId() == chatId).toList());
            result.put("getUserData " + user, store.getUserData(user, chatId));
            result.put("getSpamMessagesByUserId " + user, store.getSpamMessagesByUserId(chatId, user));
        }
        result.put("getChatSettings", store.getChatSettings(chatId));
        store.getChatSettings(chatId).keySet().forEach(key ->
                result.put("getChatSetting " + key, store.getChatSetting(chatId, key)));
        result.put("getChatInfo", store.getChatInfo(chatId));
        store.getChatInfo(chatId).map(ChatInfo::username).ifPresent(username ->
                result.put("findChatsByUsername " + username, store.findChatsByUsername(username).stream()
                        .filter(chat -> chat.chatId() == chatId).toList()));
        result.put("getAllGroupChats", store.getAllGroupChats().stream().filter(chat -> chat.chatId() == chatId)
                .toList());
        result.put("getChatTopics", store.getChatTopics(chatId));
        result.put("getChatSummarization", store.getChatSummarization(summarizationKey(chatId)));
        return result;
    }
}
