package dev.chatstore.host.telegram;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class UpdateIngesterTest {
    static final long HIKERS = -4098765432L;
    static final long JVM_DEVS = -1001234567890L;
    static final long FORUM = -1002198765432L;
    static final long DIGEST = -1001987654321L;
    static final long ANNA = 5123456789L;

    private final SampleFile sample = SampleFile.load();
    private final InMemoryChatStore store = new InMemoryChatStore("default");
    private final RecordingListener listener = new RecordingListener();

    private IngestSummary ingest(UpdateIngester ingester, String input) throws IOException {
        return ingester.ingest(new StringReader(input), listener);
    }

    private UpdateIngester ingester() {
        return new UpdateIngester(store, chatId -> "default");
    }

    @Test
    void sampleIngestsWithTheExpectedCounts() throws IOException {
        IngestSummary summary = ingest(ingester(), sample.text());

        assertThat(summary.linesRead()).isEqualTo(sample.lines.size());
        assertThat(summary.updates()).isEqualTo(sample.lines.size());
        assertThat(summary.ignored()).isEqualTo(sample.ignored).isPositive();
        assertThat(summary.messagesStored()).isEqualTo(sample.messageKeys.size());
        assertThat(summary.edited()).isEqualTo(sample.editsOfKnownMessages).isPositive();
        assertThat(summary.duplicates()).isZero();
        assertThat(summary.malformed()).isZero();
        assertThat(summary.refused()).isZero();
        assertThat(summary.failed()).isZero();
        assertThat(summary.mediaStored()).isEqualTo(sample.fileUniqueIds.size());
        assertThat(summary.chats()).isEqualTo(sample.chats.size());
        assertThat(summary.users()).isEqualTo(sample.senders.size());
        assertThat(summary.sources()).containsExactly(Map.entry("default",
                new IngestSummary.SourceCounts(sample.messageKeys.size(), 0, sample.editsOfKnownMessages, 0, 0)));
        assertThat(summary.updates() - summary.ignored()).isEqualTo(sample.messageUpdates);
        sample.messagesPerChat.forEach((chatId, count) ->
                assertThat(store.getChatMessages(chatId, MessageQuery.all())).as("chat %d", chatId).hasSize(count.intValue()));
        assertThat(listener.malformed).isEmpty();
        assertThat(listener.progress).last().isEqualTo((long) sample.lines.size());
    }

    @Test
    void sampleIsStoredAsTheUpdatesSay() throws IOException {
        ingest(ingester(), sample.text());

        assertThat(store.getChatInfo(FORUM)).get()
                .extracting(ChatInfo::type, ChatInfo::title, ChatInfo::username, ChatInfo::isForum)
                .containsExactly(ChatType.SUPERGROUP, "Homelab Forum", "homelab_forum", true);
        assertThat(store.getChatInfo(DIGEST)).get().extracting(ChatInfo::type).isEqualTo(ChatType.CHANNEL);
        assertThat(store.getChatTopics(FORUM))
                .extracting(ChatTopic::topicId, ChatTopic::name, ChatTopic::iconColor, ChatTopic::customEmojiId)
                .containsExactly(tuple(5L, "Off-topic", 13338331, null),
                        tuple(12L, "Networking", 7322096, null),
                        tuple(27L, "Storage, NAS & Backups", 16766590, "5312536423851630001"));

        List<ChatMessage> jvm = store.getChatMessages(JVM_DEVS, MessageQuery.all());
        ChatMessage question = find(jvm, "Кто-нибудь пробовал");
        ChatMessage followUp = find(jvm, "Pinning with synchronized");
        assertThat(followUp.rootMessageId()).as("root of a reply to a reply").isEqualTo(question.messageId());
        assertThat(find(jvm, "Yes — on Java 21").quoteText()).isEqualTo("виртуальные потоки");
        assertThat(find(jvm, "Yes — on Java 21").text()).as("the first version is kept")
                .isEqualTo("Yes — on Java 21 with Jetty 12, no pinning issues so far.");
        assertThat(find(jvm, "📌 Reminder")).extracting(ChatMessage::userId, ChatMessage::category)
                .containsExactly(JVM_DEVS, MessageCategory.USER);
        assertThat(find(jvm, "We covered this thread")).extracting(ChatMessage::userId, ChatMessage::category)
                .containsExactly(DIGEST, MessageCategory.CHANNEL);
        assertThat(find(jvm, "/stats@SomeBot").category()).isEqualTo(MessageCategory.USER_COMMAND);
        assertThat(jvm).extracting(ChatMessage::type)
                .contains(MessageType.ANIMATION, MessageType.VIDEO, MessageType.VIDEO_NOTE, MessageType.AUDIO,
                        MessageType.DOCUMENT, MessageType.IMAGE)
                .doesNotContain(MessageType.UNKNOWN);
        assertThat(find(jvm, "Fixed link")).as("an edit of a message not stored is stored").isNotNull();

        List<ChatMessage> forum = store.getChatMessages(FORUM, MessageQuery.all());
        assertThat(find(forum, "Anyone running OPNsense")).extracting(ChatMessage::threadId, ChatMessage::replyId)
                .containsExactly(12L, null);
        assertThat(store.getChatMessages(FORUM, MessageQuery.all().withThreadId(27L))).hasSize(6);

        assertThat(store.getChatMessages(DIGEST, MessageQuery.all())).allSatisfy(post -> {
            assertThat(post.category()).isEqualTo(MessageCategory.CHANNEL);
            assertThat(post.userId()).isEqualTo(DIGEST);
        });
        ChatMessage sticker = store.getChatMessages(HIKERS, MessageQuery.all()).stream()
                .filter(m -> m.type() == MessageType.STICKER).findFirst().orElseThrow();
        assertThat(store.getMediaAttachment(sticker.mediaId())).get()
                .satisfies(media -> assertThat(media.metadata()).contains("\"emoji\":\"😍\""));
        assertThat(store.getChatUser(HIKERS, ANNA)).get()
                .extracting(ChatUser::username, ChatUser::fullName, ChatUser::messagesCount)
                .containsExactly("@anna_kov", "Anna Kovalenko", 3L);
    }

    private static ChatMessage find(List<ChatMessage> messages, String textStart) {
        return messages.stream().filter(m -> m.text().startsWith(textStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no message starting with " + textStart));
    }

    @Test
    void reIngestStoresNothingTwice() throws IOException {
        ingest(ingester(), sample.text());
        List<ChatUser> usersBefore = allUsers();
        long messagesBefore = allMessages();

        for (UpdateIngester again : List.of(ingester(), ingester())) {
            IngestSummary second = ingest(again, sample.text());

            assertThat(second.messagesStored()).isZero();
            assertThat(second.mediaStored()).isZero();
            assertThat(second.duplicates()).isEqualTo(sample.messageUpdates - sample.edits);
            assertThat(second.edited()).isEqualTo(sample.edits);
            assertThat(allMessages()).isEqualTo(messagesBefore);
            assertThat(allUsers()).extracting(ChatUser::chatId, ChatUser::userId, ChatUser::messagesCount)
                    .containsExactlyElementsOf(usersBefore.stream()
                            .map(u -> tuple(u.chatId(), u.userId(), u.messagesCount())).toList());
        }
    }

    @Test
    void reIngestWithTheSameIngesterStoresNothingTwice() throws IOException {
        UpdateIngester ingester = ingester();
        ingest(ingester, sample.text());
        long messagesBefore = allMessages();

        IngestSummary second = ingest(ingester, sample.text());

        assertThat(second.messagesStored()).isZero();
        assertThat(second.duplicates()).isEqualTo(sample.messageUpdates - sample.edits);
        assertThat(allMessages()).isEqualTo(messagesBefore);
    }

    private long allMessages() {
        return sample.chats.stream().mapToLong(c -> store.getChatMessages(c, MessageQuery.all()).size()).sum();
    }

    private List<ChatUser> allUsers() {
        List<ChatUser> users = new ArrayList<>();
        sample.chats.stream().sorted().forEach(c -> users.addAll(store.getChatUsers(c, 1000, null).stream()
                .sorted(java.util.Comparator.comparingLong(ChatUser::userId)).toList()));
        return users;
    }

    @Test
    void malformedLinesAreReportedWithTheirNumberAndTheRestIsStored() throws IOException {
        List<String> lines = new ArrayList<>(sample.lines);
        lines.add(9, "{\"update_id\": 1, \"message\": {\"message_id\": 5, \"date\": 1");
        lines.add(19, "{\"update_id\": 2, \"message\": {\"message_id\": 5, \"date\": 1, \"chat\": {\"id\": \"abc\"}}}");
        lines.add(29, "");
        lines.add(30, "[1, 2]");

        IngestSummary summary = ingest(ingester(), String.join("\n", lines));

        assertThat(listener.malformed).hasSize(3);
        assertThat(listener.malformed.get(0)).startsWith("10: not valid JSON at column");
        assertThat(listener.malformed.get(1))
                .isEqualTo("20: field 'message.chat.id': expected an integer within the 64-bit range, found string \"abc\"");
        assertThat(listener.malformed.get(2)).isEqualTo("31: field 'update': expected a JSON object, found an array");
        assertThat(summary.malformed()).isEqualTo(3);
        assertThat(summary.linesRead()).isEqualTo(lines.size());
        assertThat(summary.messagesStored()).isEqualTo(sample.messageKeys.size());
        assertThat(summary.updates()).isEqualTo(sample.lines.size());
    }

    @Test
    void jsonArrayInput() throws IOException {
        List<String> elements = new ArrayList<>(sample.lines);
        elements.add(4, "{\"update_id\": 3, \"message\": {\"message_id\": 1, \"date\": \"yesterday\"}}");
        String array = "\n  [\n" + String.join(",\n", elements) + "\n]\n";

        IngestSummary summary = ingest(ingester(), array);

        assertThat(summary.messagesStored()).isEqualTo(sample.messageKeys.size());
        assertThat(summary.edited()).isEqualTo(sample.editsOfKnownMessages);
        assertThat(summary.ignored()).isEqualTo(sample.ignored);
        assertThat(listener.malformed)
                .containsExactly("7: field 'message.date': expected an integer within the 64-bit range, "
                        + "found string \"yesterday\"");
    }

    @Test
    void jsonArrayWithASyntaxErrorLosesOnlyThatElement() throws IOException {
        String array = "[\n" + sample.lines.get(1) + ",\n" + sample.lines.get(2) + ",\n{\"update_id\": oops},\n"
                + sample.lines.get(3) + "\n]";

        IngestSummary summary = ingest(ingester(), array);

        assertThat(summary.messagesStored()).as("the update after the broken one is read too").isEqualTo(3);
        assertThat(listener.malformed).singleElement().asString().startsWith("4: not valid JSON at column");
    }

    @Test
    void jsonArrayWithAValueLeftOpenSaysFromWhichLineNothingWasRead() throws IOException {
        String array = "[\n" + sample.lines.get(1) + ",\n{\"update_id\": 5, \"message\": {\"text\": \"}\n,\n"
                + sample.lines.get(2) + "\n]\n";

        IngestSummary summary = ingest(ingester(), array);

        assertThat(summary.messagesStored()).isEqualTo(1);
        assertThat(listener.malformed).singleElement().asString()
                .startsWith("3: not valid JSON: the value starting on this line is not closed")
                .contains("lines 3 to 6 were not read");
    }

    @Test
    void jsonArrayNotClosedOrFollowedByMore() throws IOException {
        IngestSummary unclosed = ingest(ingester(), "[" + sample.lines.get(1) + ",\n" + sample.lines.get(2));
        IngestSummary followed = ingest(ingester(), "[" + sample.lines.get(3) + "]\n{}");

        assertThat(unclosed.messagesStored()).isEqualTo(2);
        assertThat(followed.messagesStored()).isEqualTo(1);
        assertThat(listener.malformed).hasSize(2);
        assertThat(listener.malformed.get(0)).isEqualTo("2: the JSON array is not closed with ']' at the end of the input");
        assertThat(listener.malformed.get(1)).isEqualTo("2: unexpected content after the JSON array");
    }

    @Test
    void blankLinesByteOrderMarkAndCarriageReturnsAreFine() throws IOException {
        String input = "\uFEFF\r\n" + sample.lines.get(1) + "\r\n\r\n   \r\n" + sample.lines.get(2) + "\r\n";

        IngestSummary summary = ingest(ingester(), input);

        assertThat(summary.messagesStored()).isEqualTo(2);
        assertThat(summary.linesRead()).isEqualTo(5);
        assertThat(summary.malformed()).isZero();
    }

    @Test
    void emptyInput() throws IOException {
        IngestSummary summary = ingest(ingester(), "  \n\n");

        assertThat(summary.linesRead()).isEqualTo(2);
        assertThat(summary.updates()).isZero();
        assertThat(summary.sources()).isEmpty();
    }

    @Test
    void editsAreCountedAndTheFirstVersionKept() throws IOException {
        String original = message("message", 100, "first version");
        String input = String.join("\n", original,
                message("edited_message", 100, "second version"),
                message("edited_message", 101, "edit of a message sent before the bot joined"),
                message("edited_message", 101, "and edited again"),
                original);

        IngestSummary summary = ingest(ingester(), input);

        assertThat(summary.messagesStored()).isEqualTo(2);
        assertThat(summary.edited()).isEqualTo(2);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(store.getChatMessage(HIKERS, "100")).get().extracting(ChatMessage::text).isEqualTo("first version");
        assertThat(store.getChatMessage(HIKERS, "101")).get().extracting(ChatMessage::text)
                .isEqualTo("edit of a message sent before the bot joined");

        IngestSummary again = ingest(ingester(), message("edited_message", 100, "third version"));
        assertThat(again.edited()).isEqualTo(1);
        assertThat(again.messagesStored()).isZero();
    }

    @Test
    void anEditBeforeItsOriginalInOneBatchKeepsTheOriginal() throws IOException {
        String input = String.join("\n", message("edited_message", 100, "edited"), message("message", 100, "original"));

        IngestSummary summary = ingest(ingester(), input);

        assertThat(summary.messagesStored()).isEqualTo(1);
        assertThat(summary.edited()).isEqualTo(1);
        assertThat(store.getChatMessage(HIKERS, "100")).get().extracting(ChatMessage::text).isEqualTo("original");
    }

    /** A text message update in the hikers group from Anna. */
    static String message(String kind, long messageId, String text) {
        return """
                {"update_id": %d, "%s": {"message_id": %d, "date": 1718870490, "text": "%s",
                 "from": {"id": 5123456789, "is_bot": false, "first_name": "Anna", "username": "anna_kov"},
                 "chat": {"id": -4098765432, "title": "Weekend Hikers", "type": "group"}}}"""
                .formatted(messageId * 10 + kind.length(), kind, messageId, text).replace("\n", "");
    }

    @Test
    void aReplyToAStoredMessageTakesItsRootFromTheStore() throws IOException {
        ingest(ingester(), String.join("\n", message("message", 1, "root"), reply(2, 1), reply(3, 2)));

        ingest(ingester(), reply(4, 3));

        assertThat(store.getChatMessage(HIKERS, "3")).get().extracting(ChatMessage::rootMessageId).isEqualTo("1");
        assertThat(store.getChatMessage(HIKERS, "4")).get()
                .extracting(ChatMessage::replyId, ChatMessage::rootMessageId).containsExactly("3", "1");
        assertThat(store.getChatMessagesByRootId(HIKERS, "1", null)).extracting(ChatMessage::messageId)
                .containsExactly("1", "2", "3", "4");
        assertThat(store.getChatMessage(HIKERS, "1")).get().extracting(ChatMessage::rootMessageId)
                .as("a message that replies to nothing is its own root, as the original stores it").isEqualTo("1");
    }

    private static String reply(long messageId, long replyTo) {
        return message("message", messageId, "reply").replace("\"text\"",
                "\"reply_to_message\": {\"message_id\": " + replyTo + ", \"date\": 1718870400, "
                        + "\"chat\": {\"id\": -4098765432, \"type\": \"group\"}}, \"text\"");
    }

    @Test
    void aTopicMessageNamesAnUnknownTopicButDoesNotUndoARename() throws IOException {
        String created = """
                {"message_id": 27, "date": 1727769600, "message_thread_id": 27, "is_topic_message": true,
                 "chat": {"id": -1002198765432, "type": "supergroup", "is_forum": true},
                 "forum_topic_created": {"name": "Storage & NAS", "icon_color": 16766590}}""";
        String inTopic = """
                {"update_id": %d, "message": {"message_id": %d, "date": 1727770000, "message_thread_id": 27,
                 "is_topic_message": true, "reply_to_message": %s, %s
                 "chat": {"id": -1002198765432, "title": "Homelab Forum", "type": "supergroup", "is_forum": true}}}""";
        ingest(ingester(), inTopic.formatted(1, 30, created, "\"text\": \"ZFS or btrfs?\",").replace("\n", ""));
        assertThat(store.getChatTopics(FORUM)).extracting(ChatTopic::name).containsExactly("Storage & NAS");

        UpdateIngester ingester = ingester();
        ingest(ingester, String.join("\n",
                inTopic.formatted(2, 31, created, "\"forum_topic_edited\": {\"name\": \"Backups\"},").replace("\n", ""),
                inTopic.formatted(3, 32, created, "\"text\": \"SATA cable\",").replace("\n", "")));
        ingest(ingester(), inTopic.formatted(4, 33, created, "\"text\": \"fixed\",").replace("\n", ""));

        assertThat(store.getChatTopics(FORUM)).extracting(ChatTopic::name, ChatTopic::iconColor)
                .containsExactly(tuple("Backups", 16766590));
    }

    @Test
    void unchangedChatsUsersAndMediaAreNotWrittenAgain() throws IOException {
        StoreWrapper counting = new StoreWrapper(store);

        new UpdateIngester(counting.store, chatId -> "default").ingest(new StringReader(sample.text()), listener);

        assertThat(counting.calls("updateChatInfo")).isEqualTo(sample.chats.size());
        assertThat(counting.calls("updateChatUser")).isEqualTo(sample.members.size());
        assertThat(counting.calls("addMediaAttachment")).isEqualTo(sample.fileUniqueIds.size());
        assertThat(counting.calls("addChatMessages")).isEqualTo(2);
        assertThat(counting.calls("addChatMessage")).isZero();
    }

    @Test
    void batchesFollowTheBatchSize() throws IOException {
        StoreWrapper counting = new StoreWrapper(store);

        IngestSummary summary = new UpdateIngester(counting.store, chatId -> "default", 10)
                .ingest(new StringReader(sample.text()), listener);

        assertThat(summary.messagesStored()).isEqualTo(sample.messageKeys.size());
        assertThat(counting.calls("addChatMessages")).isGreaterThanOrEqualTo((int) (sample.messageUpdates / 10));
        assertThat(listener.progress).isSorted().hasSizeGreaterThan(5);
    }
}
