package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.CacheType;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SummarizationKey;
import org.junit.jupiter.api.Test;

import static dev.chatstore.storage.testkit.Samples.ALICE;
import static dev.chatstore.storage.testkit.Samples.AWKWARD_TEXTS;
import static dev.chatstore.storage.testkit.Samples.CAROL;
import static dev.chatstore.storage.testkit.Samples.CHAT;
import static dev.chatstore.storage.testkit.Samples.OTHER_CHAT;
import static dev.chatstore.storage.testkit.Samples.message;
import static dev.chatstore.storage.testkit.Samples.spam;
import static org.assertj.core.api.Assertions.assertThat;

/** Text is stored verbatim everywhere; ids keep their full range; an empty store answers with empty results. */
interface TextContract extends StoreFixture {
    @Test
    default void awkwardTextIsStoredVerbatimEverywhere() {
        ChatStore store = store();
        for (int i = 0; i < AWKWARD_TEXTS.size(); i++) {
            String text = AWKWARD_TEXTS.get(i);
            String id = "m" + i;
            long userId = 5000 + i;
            store.updateChatUser(CHAT, userId, text, text);
            store.addChatMessage(message(CHAT, id, userId, i).toBuilder().text(text).quoteText(text).build());
            store.setSetting("contract.text." + i, text);
            store.setChatSetting(CHAT, text, text);
            store.addUserData(userId, CHAT, text, text);
            store.setCacheEntry(CacheType.YANDEX_SEARCH, text, text);
            store.setCacheStorage(text, text, text);
            store.addSpamMessage(spam(CHAT, userId, id, text));
            store.addChatSummarization(new SummarizationKey(CHAT, null, id, id, text), text);
            store.updateChatTopicInfo(CHAT, i, null, text, text);
            store.addMediaAttachment(MediaAttachment.builder(id, MessageType.DOCUMENT).metadata(text).prompt(text)
                    .build());
            store.updateChatInfo(-1000000000000L - i, ChatType.SUPERGROUP, text, text, false);

            ChatMessage read = store.getChatMessage(CHAT, id).orElseThrow();
            assertThat(read.text()).isEqualTo(text);
            assertThat(read.quoteText()).isEqualTo(text);
            assertThat(read.username()).isEqualTo(text);
            assertThat(store.getChatUserByUsername(CHAT, text)).get().extracting(ChatUser::fullName).isEqualTo(text);
            assertThat(store.getSetting("contract.text." + i)).hasValue(text);
            assertThat(store.getChatSetting(CHAT, text)).hasValue(text);
            assertThat(store.getUserData(userId, CHAT)).containsEntry(text, text);
            assertThat(store.getCacheEntry(CacheType.YANDEX_SEARCH, text, null)).get().extracting("data")
                    .isEqualTo(text);
            assertThat(store.getSpamMessagesByText(text)).extracting(SpamMessage::messageId).containsExactly(id);
            assertThat(store.getChatSummarization(new SummarizationKey(CHAT, null, id, id, text))).get()
                    .extracting("summary").isEqualTo(text);
            assertThat(store.getChatTopics(CHAT).get(i)).extracting(ChatTopic::name, ChatTopic::customEmojiId)
                    .containsExactly(text, text);
            assertThat(store.getMediaAttachment(id)).get()
                    .extracting(MediaAttachment::metadata, MediaAttachment::prompt)
                    .containsExactly(text, text);
            assertThat(store.getChatInfo(-1000000000000L - i)).get().extracting(ChatInfo::title, ChatInfo::username)
                    .containsExactly(text, text);
        }
        assertThat(store.getChatMessages(CHAT, MessageQuery.all())).hasSize(AWKWARD_TEXTS.size());
        assertThat(store.getCacheStorage()).hasSize(AWKWARD_TEXTS.size());
        assertThat(store.getChatSettings(CHAT)).hasSize(AWKWARD_TEXTS.size());
    }

    @Test
    default void likePatternsAndCaseDoNotWidenExactMatches() {
        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        store().updateChatInfo(CHAT, ChatType.SUPERGROUP, "Group", "chat_store", false);
        store().addSpamMessage(spam(CHAT, ALICE, "1", "100% off"));

        assertThat(store().getChatUserByUsername(CHAT, "a%")).isEmpty();
        assertThat(store().getChatUserByUsername(CHAT, "_lice")).isEmpty();
        assertThat(store().findChatsByUsername("chat%")).isEmpty();
        assertThat(store().findChatsByUsername("chat_stor_")).isEmpty();
        assertThat(store().getSpamMessagesByText("100%")).isEmpty();
        assertThat(store().getSpamMessagesByText("100_ off")).isEmpty();
    }

    @Test
    default void aMegabyteTextRoundTrips() {
        StringBuilder text = new StringBuilder(1 << 20);
        String pattern = "Lorem ipsum 🙂 Привет שלום ";
        while (text.length() < (1 << 20)) {
            text.append(pattern);
        }
        String megabyte = text.substring(0, (1 << 20) - 1) + "!";
        store().addChatMessage(message("big", 0).toBuilder().text(megabyte).build());
        store().setCacheStorage("big", "text", megabyte);

        assertThat(store().getChatMessage(CHAT, "big")).get().extracting(ChatMessage::text).isEqualTo(megabyte);
        assertThat(store().getCacheStorage()).singleElement().extracting("value").isEqualTo(megabyte);
    }

    @Test
    default void thirteenDigitChatIdsAndLargeUserIdsKeepTheirValue() {
        long chat = -1001234567890L;
        store().updateChatInfo(chat, ChatType.SUPERGROUP, "Group", null, false);
        store().updateChatUser(chat, CAROL, "carol", "Carol");
        store().addChatMessage(message(chat, "1", CAROL, 0));
        store().setChatSetting(chat, "k", "v");

        assertThat(store().getChatInfo(chat)).get().extracting(ChatInfo::chatId).isEqualTo(chat);
        assertThat(store().getChatInfo(1001234567890L)).isEmpty();
        assertThat(store().getChatInfo(-1234567890L)).isEmpty();
        assertThat(store().getChatMessage(chat, "1")).get().extracting(ChatMessage::chatId, ChatMessage::userId,
                ChatMessage::username).containsExactly(chat, CAROL, "carol");
        assertThat(store().getUserChats(CAROL)).extracting(ChatInfo::chatId).containsExactly(chat);
        assertThat(store().listChatsBySetting("k")).containsOnlyKeys(chat);
        assertThat(store().getChatUser(chat, CAROL)).get().extracting(ChatUser::messagesCount).isEqualTo(1L);
    }

    @Test
    default void anEmptyStoreAnswersWithEmptyResults() {
        ChatStore store = store();
        assertThat(store.getSetting("contract.absent")).isEmpty();
        assertThat(store.getChatMessages(CHAT, MessageQuery.all())).isEmpty();
        assertThat(store.getChatMessage(CHAT, "1")).isEmpty();
        assertThat(store.getChatMessagesByRootId(CHAT, "1", null)).isEmpty();
        assertThat(store.getChatMessagesByUser(CHAT, ALICE, 100)).isEmpty();
        assertThat(store.getChatUser(CHAT, ALICE)).isEmpty();
        assertThat(store.getChatUserByUsername(CHAT, "alice")).isEmpty();
        assertThat(store.getChatUsers(CHAT, 100, null)).isEmpty();
        assertThat(store.getUserChats(ALICE)).isEmpty();
        assertThat(store.getAllGroupChats()).isEmpty();
        assertThat(store.findChatsByUsername("chat")).isEmpty();
        assertThat(store.getUserData(ALICE, CHAT)).isEmpty();
        assertThat(store.getChatSetting(CHAT, "k")).isEmpty();
        assertThat(store.getChatSettings(OTHER_CHAT)).isEmpty();
        assertThat(store.listChatsBySetting("k")).isEmpty();
        assertThat(store.getChatInfo(CHAT)).isEmpty();
        assertThat(store.getChatTopics(CHAT)).isEmpty();
        assertThat(store.getChatSummarization(new SummarizationKey(CHAT, null, "1", "2", "p"))).isEmpty();
        assertThat(store.getMediaAttachment("file")).isEmpty();
        assertThat(store.getPendingDelayedTasks()).isEmpty();
        assertThat(store.getSpamMessagesByUserId(CHAT, ALICE)).isEmpty();
        assertThat(store.getSpamMessages(100)).isEmpty();
        assertThat(store.getSpamMessagesByText("spam")).isEmpty();
        assertThat(store.getCacheEntry(CacheType.WEATHER, "k", null)).isEmpty();
        assertThat(store.getCacheStorage()).isEmpty();
        assertThat(store.clearCache(CacheType.WEATHER)).isZero();
        assertThat(store.deleteUserData(ALICE, CHAT, "k")).isFalse();
        assertThat(store.unsetCacheStorage("n", "k")).isFalse();
    }
}
