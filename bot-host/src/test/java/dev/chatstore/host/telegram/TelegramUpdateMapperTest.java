package dev.chatstore.host.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaStatus;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramUpdateMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = """
            {"id": -1001234567890, "title": "JVM Devs", "username": "jvm_devs", "type": "supergroup"}""";
    private static final String ANNA = """
            {"id": 5123456789, "is_bot": false, "first_name": "Anna", "last_name": "Kovalenko", "username": "anna_kov"}""";

    private final TelegramUpdateMapper mapper = new TelegramUpdateMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A message update in the test group from Anna, with {@code fields} added to the message. */
    private MappedUpdate message(String fields) {
        return mapper.map(json("""
                {"update_id": 731204502, "message": {"message_id": 58211, "from": %s, "chat": %s,
                 "date": 1721469690 %s}}""".formatted(ANNA, GROUP, fields.isEmpty() ? "" : ", " + fields)));
    }

    @Test
    void textMessageFromAUser() {
        MappedUpdate update = message("""
                "text": "Кто-нибудь пробовал виртуальные потоки? 🧵" """);

        assertThat(update.updateId()).isEqualTo(731204502L);
        assertThat(update.kind()).isEqualTo(UpdateKind.MESSAGE);
        assertThat(update.chat()).isEqualTo(
                new MappedUpdate.Chat(-1001234567890L, ChatType.SUPERGROUP, "JVM Devs", "jvm_devs", false));
        assertThat(update.sender()).isEqualTo(new MappedUpdate.Sender(5123456789L, "@anna_kov", "Anna Kovalenko"));
        assertThat(update.message().chatId()).isEqualTo(-1001234567890L);
        assertThat(update.message().messageId()).isEqualTo("58211");
        assertThat(update.message().userId()).isEqualTo(5123456789L);
        assertThat(update.message().date()).isEqualTo(Instant.ofEpochSecond(1721469690));
        assertThat(update.message().text()).isEqualTo("Кто-нибудь пробовал виртуальные потоки? 🧵");
        assertThat(update.message().type()).isEqualTo(MessageType.TEXT);
        assertThat(update.message().category()).isEqualTo(MessageCategory.USER);
        assertThat(update.message().threadId()).isZero();
        assertThat(update.message().replyId()).isNull();
        assertThat(update.message().rootMessageId()).as("its own id, as the original stores it").isEqualTo("58211");
        assertThat(update.message().quoteText()).isNull();
        assertThat(update.message().mediaId()).isNull();
        assertThat(update.topic()).isNull();
        assertThat(update.media()).isEmpty();
    }

    @Test
    void aUserWithoutUsernameIsStoredUnderTheFullNameAsTheOriginalDoes() {
        MappedUpdate update = mapper.map(json("""
                {"update_id": 1, "message": {"message_id": 7, "date": 1736500000, "text": "hi",
                 "from": {"id": 6021458833, "is_bot": false, "first_name": "ليلى"},
                 "chat": {"id": 6021458833, "first_name": "ليلى", "type": "private"}}}"""));

        assertThat(update.sender()).isEqualTo(new MappedUpdate.Sender(6021458833L, "ليلى", "ليلى"));
        assertThat(update.chat()).isEqualTo(new MappedUpdate.Chat(6021458833L, ChatType.PRIVATE, null, null, false));
    }

    @Test
    void photoTakesTheLargestSizeAndItsCaption() {
        MappedUpdate update = message("""
                "caption": "Last week's view", "photo": [
                  {"file_id": "f-s", "file_unique_id": "u-s", "file_size": 1350, "width": 90, "height": 60},
                  {"file_id": "f-y", "file_unique_id": "u-y", "file_size": 141877, "width": 1280, "height": 853},
                  {"file_id": "f-m", "file_unique_id": "u-m", "file_size": 17421, "width": 320, "height": 213}]""");

        assertThat(update.message().type()).isEqualTo(MessageType.IMAGE);
        assertThat(update.message().text()).isEqualTo("Last week's view");
        assertThat(update.message().mediaId()).isEqualTo("u-y");
        assertThat(update.media()).singleElement().satisfies(media -> {
            assertThat(media.fileUniqueId()).isEqualTo("u-y");
            assertThat(media.fileId()).isEqualTo("f-y");
            assertThat(media.fileSize()).isEqualTo(141877L);
            assertThat(media.mediaType()).isEqualTo(MessageType.IMAGE);
            assertThat(media.mimeType()).isNull();
            assertThat(media.status()).isEqualTo(MediaStatus.PENDING);
            assertThat(json(media.metadata())).isEqualTo(json("{\"width\": 1280, \"height\": 853}"));
        });
    }

    @Test
    void stickerKeepsItsEmoji() {
        MappedUpdate update = message("""
                "sticker": {"width": 512, "height": 512, "emoji": "😍", "set_name": "HotCherry", "is_animated": false,
                  "is_video": false, "type": "regular", "file_id": "CAAC-1", "file_unique_id": "AgAD-1",
                  "file_size": 38412, "thumbnail": {"file_id": "t", "file_unique_id": "t-u", "width": 128,
                  "height": 128}}""");

        assertThat(update.message().type()).isEqualTo(MessageType.STICKER);
        assertThat(update.message().text()).isEmpty();
        assertThat(update.media()).singleElement().satisfies(media -> {
            assertThat(media.fileUniqueId()).isEqualTo("AgAD-1");
            assertThat(media.mediaType()).isEqualTo(MessageType.STICKER);
            assertThat(json(media.metadata())).isEqualTo(json("{\"width\": 512, \"height\": 512, \"emoji\": \"😍\"}"));
        });
    }

    @Test
    void gifIsAnAnimationNotADocumentAndIsRecordedOnce() {
        MappedUpdate update = message("""
                "animation": {"file_name": "loom.gif.mp4", "mime_type": "video/mp4", "duration": 3, "width": 480,
                  "height": 270, "file_id": "CgAC-1", "file_unique_id": "AgAD-gif", "file_size": 402881},
                "document": {"file_name": "loom.gif.mp4", "mime_type": "video/mp4", "file_id": "CgAC-1",
                  "file_unique_id": "AgAD-gif", "file_size": 402881}""");

        assertThat(update.message().type()).isEqualTo(MessageType.ANIMATION);
        assertThat(update.media()).singleElement().satisfies(media -> {
            assertThat(media.mediaType()).isEqualTo(MessageType.ANIMATION);
            assertThat(media.mimeType()).isEqualTo("video/mp4");
            assertThat(json(media.metadata())).isEqualTo(json("""
                    {"width": 480, "height": 270, "duration": 3, "file_name": "loom.gif.mp4"}"""));
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            video      | VIDEO      | {"duration": 94, "width": 1280, "height": 720, "file_name": "demo.mp4", "mime_type": "video/mp4", "file_id": "F", "file_unique_id": "U", "file_size": 8421337} | {"width": 1280, "height": 720, "duration": 94, "file_name": "demo.mp4"}
            video_note | VIDEO_NOTE | {"duration": 12, "length": 384, "file_id": "F", "file_unique_id": "U", "file_size": 1203554}                                                        | {"width": 384, "height": 384, "duration": 12}
            audio      | AUDIO      | {"duration": 3422, "performer": "Java Pub House", "title": "Ep 120", "file_name": "jph-120.mp3", "mime_type": "audio/mpeg", "file_id": "F", "file_unique_id": "U"} | {"duration": 3422, "file_name": "jph-120.mp3"}
            voice      | VOICE      | {"duration": 7, "mime_type": "audio/ogg", "file_id": "F", "file_unique_id": "U", "file_size": 24210}                                                   | {"duration": 7}
            document   | DOCUMENT   | {"file_name": "jep-444.pdf", "mime_type": "application/pdf", "file_id": "F", "file_unique_id": "U", "file_size": 412880}                             | {"file_name": "jep-444.pdf"}
            """)
    void mediaTypes(String field, MessageType type, String file, String metadata) {
        MappedUpdate update = message("\"" + field + "\": " + file);

        assertThat(update.message().type()).isEqualTo(type);
        assertThat(update.message().mediaId()).isEqualTo("U");
        assertThat(update.media()).singleElement().satisfies(media -> {
            assertThat(media.fileUniqueId()).isEqualTo("U");
            assertThat(media.fileId()).isEqualTo("F");
            assertThat(media.mediaType()).isEqualTo(type);
            assertThat(media.mimeType()).isEqualTo(json(file).path("mime_type").textValue());
            assertThat(json(media.metadata())).isEqualTo(json(metadata));
        });
    }

    @Test
    void messageWithoutTextOrMediaIsUnknown() {
        MappedUpdate update = message("\"location\": {\"latitude\": 45.928312, \"longitude\": 9.019437}");

        assertThat(update.message().type()).isEqualTo(MessageType.UNKNOWN);
        assertThat(update.message().text()).isEmpty();
        assertThat(update.media()).isEmpty();
    }

    @Test
    void replyWithQuote() {
        MappedUpdate update = message("""
                "text": "Yes, on Java 21", "reply_to_message": {"message_id": 58210, "from": %s, "chat": %s,
                  "date": 1721469600, "text": "Кто-нибудь пробовал виртуальные потоки в продакшене?"},
                "quote": {"text": "виртуальные потоки", "position": 19, "is_manual": true}""".formatted(ANNA, GROUP));

        assertThat(update.message().replyId()).isEqualTo("58210");
        assertThat(update.message().rootMessageId()).as("own id until the ingester finds the parent stored")
                .isEqualTo(update.message().messageId());
        assertThat(update.message().quoteText()).isEqualTo("виртуальные потоки");
    }

    @Test
    void botCommandIsAUserCommand() {
        MappedUpdate update = message("""
                "text": "/start@SomeBot", "entities": [{"offset": 0, "length": 14, "type": "bot_command"}]""");

        assertThat(update.message().category()).isEqualTo(MessageCategory.USER_COMMAND);
        assertThat(update.message().text()).isEqualTo("/start@SomeBot");
    }

    @Test
    void messageFromABotIsCategoryBot() {
        MappedUpdate update = mapper.map(json("""
                {"update_id": 1, "message": {"message_id": 2151, "date": 1718870700, "text": "Summary ready",
                 "from": {"id": 7012345678, "is_bot": true, "first_name": "Some Bot", "username": "SomeBot"},
                 "chat": %s}}""".formatted(GROUP)));

        assertThat(update.message().category()).isEqualTo(MessageCategory.BOT);
        assertThat(update.sender()).isEqualTo(new MappedUpdate.Sender(7012345678L, "@SomeBot", "Some Bot"));
    }

    @Test
    void channelPostWithoutFromIsSentByTheChannel() {
        MappedUpdate update = mapper.map(json("""
                {"update_id": 9, "channel_post": {"message_id": 341, "date": 1738368090,
                 "sender_chat": {"id": -1001987654321, "title": "Daily Tech Digest", "username": "techdigest_daily",
                   "type": "channel"},
                 "chat": {"id": -1001987654321, "title": "Daily Tech Digest", "username": "techdigest_daily",
                   "type": "channel"},
                 "text": "🗞️ JDK 24 is in Rampdown Phase Two"}}"""));

        assertThat(update.kind()).isEqualTo(UpdateKind.CHANNEL_POST);
        assertThat(update.chat().type()).isEqualTo(ChatType.CHANNEL);
        assertThat(update.sender())
                .isEqualTo(new MappedUpdate.Sender(-1001987654321L, "@techdigest_daily", "Daily Tech Digest"));
        assertThat(update.message().userId()).isEqualTo(-1001987654321L);
        assertThat(update.message().category()).isEqualTo(MessageCategory.CHANNEL);
    }

    @Test
    void channelPostWithNeitherFromNorSenderChatUsesTheChatId() {
        MappedUpdate update = mapper.map(json("""
                {"update_id": 9, "channel_post": {"message_id": 12, "date": 1600000000, "text": "old post",
                 "chat": {"id": -1001987654321, "title": "Daily Tech Digest", "type": "channel"}}}"""));

        assertThat(update.sender()).isNull();
        assertThat(update.message().userId()).isEqualTo(-1001987654321L);
        assertThat(update.message().category()).isEqualTo(MessageCategory.CHANNEL);
    }

    @Test
    void anonymousAdminPostsAsTheGroup() {
        // Telegram sends "from" as the GroupAnonymousBot and the group itself as sender_chat.
        MappedUpdate update = mapper.map(json("""
                {"update_id": 3, "message": {"message_id": 58216, "date": 1721470000, "text": "📌 Reminder",
                 "author_signature": "Admin",
                 "from": {"id": 1087968824, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot"},
                 "sender_chat": %s, "chat": %s}}""".formatted(GROUP, GROUP)));

        assertThat(update.sender()).isEqualTo(new MappedUpdate.Sender(-1001234567890L, "@jvm_devs", "JVM Devs"));
        assertThat(update.message().userId()).isEqualTo(-1001234567890L);
        assertThat(update.message().category()).isEqualTo(MessageCategory.USER);
    }

    @Test
    void channelWritingInAGroupIsCategoryChannel() {
        MappedUpdate update = mapper.map(json("""
                {"update_id": 3, "message": {"message_id": 58220, "date": 1721470000, "text": "See our digest",
                 "from": {"id": 136817688, "is_bot": true, "first_name": "Channel", "username": "Channel_Bot"},
                 "sender_chat": {"id": -1001987654321, "title": "Daily Tech Digest", "type": "channel"},
                 "chat": %s}}""".formatted(GROUP)));

        assertThat(update.message().category()).isEqualTo(MessageCategory.CHANNEL);
        assertThat(update.message().userId()).isEqualTo(-1001987654321L);
    }

    @Test
    void forumTopicCreatedAndTopicMessages() {
        String forum = """
                {"id": -1002198765432, "title": "Homelab Forum", "type": "supergroup", "is_forum": true}""";
        String created = """
                {"message_id": 12, "from": %s, "chat": %s, "date": 1727769690, "message_thread_id": 12,
                 "is_topic_message": true, "forum_topic_created": {"name": "Networking", "icon_color": 7322096,
                 "icon_custom_emoji_id": "5312536423851630001"}}""".formatted(ANNA, forum);

        MappedUpdate creation = mapper.map(json("{\"update_id\": 1, \"message\": " + created + "}"));
        MappedUpdate inTopic = mapper.map(json("""
                {"update_id": 2, "message": {"message_id": 28, "from": %s, "chat": %s, "date": 1727769790,
                 "message_thread_id": 12, "is_topic_message": true, "reply_to_message": %s,
                 "text": "Anyone running OPNsense?"}}""".formatted(ANNA, forum, created)));
        MappedUpdate edited = mapper.map(json("""
                {"update_id": 3, "message": {"message_id": 40, "from": %s, "chat": %s, "date": 1727770000,
                 "message_thread_id": 12, "is_topic_message": true, "reply_to_message": %s,
                 "forum_topic_edited": {"name": "Networking & VPN"}}}""".formatted(ANNA, forum, created)));

        MappedUpdate.Topic networking = new MappedUpdate.Topic(12, "Networking", 7322096, "5312536423851630001", true);
        assertThat(creation.chat().isForum()).isTrue();
        assertThat(creation.topic()).isEqualTo(networking);
        assertThat(creation.message().threadId()).isEqualTo(12);
        assertThat(creation.message().type()).isEqualTo(MessageType.UNKNOWN);
        // The topic's creation message in reply_to_message is Telegram's marker of the topic, not a reply.
        assertThat(inTopic.message().replyId()).isNull();
        assertThat(inTopic.message().threadId()).isEqualTo(12);
        assertThat(inTopic.topic()).as("seen in the creation message, not announced")
                .isEqualTo(new MappedUpdate.Topic(12, "Networking", 7322096, "5312536423851630001", false));
        assertThat(edited.topic()).isEqualTo(new MappedUpdate.Topic(12, "Networking & VPN", null, null, true));
    }

    @Test
    void explicitReplyInsideATopicIsAReply() {
        MappedUpdate update = mapper.map(json("""
                {"update_id": 2, "message": {"message_id": 29, "from": %s, "date": 1727769800,
                 "chat": {"id": -1002198765432, "title": "Homelab Forum", "type": "supergroup", "is_forum": true},
                 "message_thread_id": 12, "is_topic_message": true, "text": "Yes, flawless",
                 "reply_to_message": {"message_id": 28, "date": 1727769790, "message_thread_id": 12,
                   "chat": {"id": -1002198765432, "type": "supergroup"}, "text": "Anyone running OPNsense?"}}}"""
                .formatted(ANNA)));

        assertThat(update.message().replyId()).isEqualTo("28");
        assertThat(update.message().threadId()).isEqualTo(12);
        assertThat(update.topic()).isNull();
    }

    @Test
    void editsKeepTheirKind() {
        MappedUpdate update = mapper.map(json("""
                {"update_id": 5, "edited_message": {"message_id": 58211, "from": %s, "chat": %s,
                 "date": 1721469690, "edit_date": 1721469810, "text": "fixed typo"}}""".formatted(ANNA, GROUP)));

        assertThat(update.kind()).isEqualTo(UpdateKind.EDITED_MESSAGE);
        assertThat(update.isEdit()).isTrue();
        assertThat(update.message().date()).isEqualTo(Instant.ofEpochSecond(1721469690));
        assertThat(update.message().text()).isEqualTo("fixed typo");
    }

    @ParameterizedTest
    @CsvSource({"callback_query", "my_chat_member", "chat_member", "inline_query", "poll_answer"})
    void otherKindsAreIgnored(String kind) {
        MappedUpdate update = mapper.map(json("{\"update_id\": 44, \"" + kind + "\": {\"id\": \"1\"}}"));

        assertThat(update.isIgnored()).isTrue();
        assertThat(update.field()).isEqualTo(kind);
        assertThat(update.chat()).isNull();
        assertThat(update.message()).isNull();
    }

    @Test
    void thirteenDigitNegativeIdsAndLargeUserIds() {
        MappedUpdate update = mapper.map(json("""
                {"update_id": 9223372036854775807, "message": {"message_id": 2147483648, "date": 1735718400,
                 "from": {"id": 9999999999999, "is_bot": false, "first_name": "Big"},
                 "chat": {"id": -1009999999999, "title": "Huge", "type": "supergroup"}, "text": "ok"}}"""));

        assertThat(update.updateId()).isEqualTo(Long.MAX_VALUE);
        assertThat(update.chat().id()).isEqualTo(-1009999999999L);
        assertThat(update.sender().userId()).isEqualTo(9999999999999L);
        assertThat(update.message().messageId()).isEqualTo("2147483648");
    }

    @Test
    void mediaRecordsCarryNoTimestamps() {
        MediaAttachment media = message("\"voice\": {\"duration\": 3, \"file_id\": \"F\", \"file_unique_id\": \"U\"}")
                .media().get(0);

        assertThat(media.createdAt()).isNull();
        assertThat(media.fileSize()).isNull();
    }
}
