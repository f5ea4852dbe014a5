package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatSummarization;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.SummarizationKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.chatstore.storage.testkit.Samples.CHAT;
import static dev.chatstore.storage.testkit.Samples.OTHER_CHAT;
import static dev.chatstore.storage.testkit.Samples.assertStamped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Contract of {@link dev.chatstore.storage.spi.ChatInfoStore}: chat info, forum topics, cached summaries. */
interface ChatInfoContract extends StoreFixture {
    @Test
    default void chatInfoIsInsertedThenReplacedWhole() {
        Instant before = clock().instant();
        store().updateChatInfo(CHAT, ChatType.SUPERGROUP, "Chatstore devs", "chatstore_dev", true);
        Instant after = clock().instant();

        ChatInfo info = store().getChatInfo(CHAT).orElseThrow();
        assertThat(info).extracting(ChatInfo::chatId, ChatInfo::type, ChatInfo::title, ChatInfo::username,
                ChatInfo::isForum).containsExactly(CHAT, ChatType.SUPERGROUP, "Chatstore devs", "chatstore_dev", true);
        assertStamped(info.createdAt(), before, after);
        assertThat(info.updatedAt()).isEqualTo(info.createdAt());

        store().updateChatInfo(CHAT, ChatType.GROUP, null, null, false);
        ChatInfo replaced = store().getChatInfo(CHAT).orElseThrow();
        assertThat(replaced).extracting(ChatInfo::type, ChatInfo::title, ChatInfo::username, ChatInfo::isForum,
                ChatInfo::createdAt).containsExactly(ChatType.GROUP, null, null, false, info.createdAt());
        assertThat(store().getChatInfo(OTHER_CHAT)).isEmpty();
    }

    @Test
    default void aNewTopicWithoutANameIsCalledDefault() {
        store().updateChatTopicInfo(CHAT, 5, null, null, null);

        assertThat(store().getChatTopics(CHAT)).singleElement().satisfies(topic -> {
            assertThat(topic.name()).isEqualTo(ChatTopic.DEFAULT_NAME).isEqualTo("Default");
            assertThat(topic.iconColor()).isNull();
            assertThat(topic.customEmojiId()).isNull();
            assertThat(topic.chatId()).isEqualTo(CHAT);
            assertThat(topic.topicId()).isEqualTo(5);
        });
    }

    @Test
    default void updatingATopicKeepsWhatIsPassedAsNull() {
        store().updateChatTopicInfo(CHAT, 5, 0x6FB9F0, "5312536423851630001", "Releases");
        ChatTopic created = store().getChatTopics(CHAT).get(0);

        store().updateChatTopicInfo(CHAT, 5, null, null, "Changelog");
        assertThat(store().getChatTopics(CHAT)).singleElement()
                .extracting(ChatTopic::iconColor, ChatTopic::customEmojiId, ChatTopic::name, ChatTopic::createdAt)
                .containsExactly(0x6FB9F0, "5312536423851630001", "Changelog", created.createdAt());
        store().updateChatTopicInfo(CHAT, 5, 0xFF93B2, null, null);
        assertThat(store().getChatTopics(CHAT)).singleElement()
                .extracting(ChatTopic::iconColor, ChatTopic::customEmojiId, ChatTopic::name)
                .containsExactly(0xFF93B2, "5312536423851630001", "Changelog");
    }

    @Test
    default void topicsAreListedByTopicIdPerChat() {
        store().updateChatTopicInfo(CHAT, 10, null, null, "ten");
        store().updateChatTopicInfo(CHAT, 2, null, null, "two");
        store().updateChatTopicInfo(CHAT, 5, null, null, "five");
        store().updateChatTopicInfo(OTHER_CHAT, 1, null, null, "elsewhere");

        assertThat(store().getChatTopics(CHAT)).extracting(ChatTopic::topicId, ChatTopic::name)
                .containsExactly(tuple(2L, "two"), tuple(5L, "five"), tuple(10L, "ten"));
        assertThat(store().getChatTopics(-1003333333333L)).isEmpty();
    }

    @Test
    default void aSummaryIsFoundOnlyByItsWholeKey() {
        SummarizationKey key = new SummarizationKey(CHAT, null, "100", "250", "Summarise briefly");
        Instant before = clock().instant();
        store().addChatSummarization(key, "They discussed the release.");
        Instant after = clock().instant();

        ChatSummarization stored = store().getChatSummarization(key).orElseThrow();
        assertThat(stored.key()).isEqualTo(key);
        assertThat(stored.csid()).isEqualTo(key.csid()).hasSize(128);
        assertThat(stored.summary()).isEqualTo("They discussed the release.");
        assertStamped(stored.createdAt(), before, after);
        assertThat(store().getChatSummarization(new SummarizationKey(CHAT, 0L, "100", "250", "Summarise briefly")))
                .as("topic 0 is not 'no topic'").isEmpty();
        assertThat(store().getChatSummarization(new SummarizationKey(CHAT, null, "100", "251", "Summarise briefly")))
                .isEmpty();
        assertThat(store().getChatSummarization(new SummarizationKey(CHAT, null, "100", "250", "Summarise")))
                .isEmpty();
        assertThat(store().getChatSummarization(new SummarizationKey(OTHER_CHAT, null, "100", "250",
                "Summarise briefly"))).isEmpty();
    }

    @Test
    default void aSummaryUnderTheSameKeyIsReplacedAndTopicsAreSeparate() {
        SummarizationKey noTopic = new SummarizationKey(CHAT, null, "1", "9", "prompt");
        SummarizationKey topic = new SummarizationKey(CHAT, 7L, "1", "9", "prompt");
        store().addChatSummarization(noTopic, "first");
        ChatSummarization first = store().getChatSummarization(noTopic).orElseThrow();
        store().addChatSummarization(topic, "in topic 7");
        store().addChatSummarization(noTopic, "second");

        ChatSummarization second = store().getChatSummarization(noTopic).orElseThrow();
        assertThat(second.summary()).isEqualTo("second");
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(store().getChatSummarization(topic)).get().extracting(ChatSummarization::summary)
                .isEqualTo("in topic 7");
    }
}
