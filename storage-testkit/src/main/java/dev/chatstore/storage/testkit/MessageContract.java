package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.DuplicateMessageException;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static dev.chatstore.storage.testkit.Samples.ALICE;
import static dev.chatstore.storage.testkit.Samples.BOB;
import static dev.chatstore.storage.testkit.Samples.CHAT;
import static dev.chatstore.storage.testkit.Samples.OTHER_CHAT;
import static dev.chatstore.storage.testkit.Samples.T0;
import static dev.chatstore.storage.testkit.Samples.ids;
import static dev.chatstore.storage.testkit.Samples.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract of {@link dev.chatstore.storage.spi.MessageStore}. */
interface MessageContract extends StoreFixture {
    @Test
    default void aMessageReadsBackFieldForFieldWithItsAuthorFromChatUsers() {
        ChatMessage sent = ChatMessage.builder(CHAT, "42", ALICE, T0.plusMillis(900)).replyId("41").threadId(7)
                .rootMessageId("40").text("Look at this").type(MessageType.IMAGE).category(MessageCategory.USER_COMMAND)
                .quoteText("this").mediaId("AQADxyz").author("spoofed", "Spoofed Author").build();
        store().updateChatUser(CHAT, ALICE, "alice", "Alice Liddell");
        store().addChatMessage(sent);

        ChatMessage expected = sent.toBuilder().author("alice", "Alice Liddell").build();
        assertThat(store().getChatMessage(CHAT, "42")).hasValue(expected);
        assertThat(expected.date()).isEqualTo(T0);
        assertThat(store().getChatMessage(CHAT, "43")).isEmpty();
        assertThat(store().getChatMessage(OTHER_CHAT, "42")).isEmpty();
    }

    @Test
    default void authorFieldsAreEmptyWithoutAUserRowAndFollowItsChanges() {
        store().addChatMessage(message("1", 0).toBuilder().author("spoofed", "Spoofed").build());
        assertThat(store().getChatMessage(CHAT, "1")).get()
                .extracting(ChatMessage::username, ChatMessage::fullName).containsExactly("", "");

        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        store().updateChatUser(CHAT, ALICE, "alice_l", "Alice Liddell");
        assertThat(store().getChatMessages(CHAT, MessageQuery.all())).singleElement()
                .extracting(ChatMessage::username, ChatMessage::fullName).containsExactly("alice_l", "Alice Liddell");
    }

    @Test
    default void chatMessagesAreNewestFirstWithLaterInsertsFirstOnEqualDates() {
        store().addChatMessage(message("first", 0));
        store().addChatMessage(message("second", 1));
        store().addChatMessage(message("third-same-date-as-first", 0));
        store().addChatMessage(message("fourth", 2));

        assertThat(ids(store().getChatMessages(CHAT, MessageQuery.all())))
                .containsExactly("fourth", "second", "third-same-date-as-first", "first");
        assertThat(ids(store().getChatMessages(CHAT, MessageQuery.latest(2)))).containsExactly("fourth", "second");
        assertThat(ids(store().getChatMessages(CHAT, MessageQuery.latest(10)))).hasSize(4);
    }

    @Test
    default void sinceAndTillAreExclusive() {
        for (int minute = 0; minute < 4; minute++) {
            store().addChatMessage(message("m" + minute, minute));
        }
        MessageQuery all = MessageQuery.all();
        assertThat(ids(store().getChatMessages(CHAT, all.withSince(T0.plus(Duration.ofMinutes(1)))
                .withTill(T0.plus(Duration.ofMinutes(3)))))).containsExactly("m2");
        assertThat(ids(store().getChatMessages(CHAT, all.withSince(T0.plus(Duration.ofMinutes(1))))))
                .containsExactly("m3", "m2");
        assertThat(ids(store().getChatMessages(CHAT, all.withTill(T0.plus(Duration.ofMinutes(1))))))
                .containsExactly("m0");
        assertThat(store().getChatMessages(CHAT, all.withSince(T0).withTill(T0.plusSeconds(60)))).isEmpty();
        assertThat(ids(store().getChatMessages(CHAT, all.withSince(T0.minusSeconds(1)).withLimit(1))))
                .containsExactly("m3");
    }

    @Test
    default void threadAndCategoryFiltersCombine() {
        store().addChatMessage(message("main-user", 0));
        store().addChatMessage(message("main-bot", 1).toBuilder().category(MessageCategory.BOT).build());
        store().addChatMessage(message("topic-user", 2).toBuilder().threadId(7).build());
        store().addChatMessage(message("topic-reply", 3).toBuilder().threadId(7)
                .category(MessageCategory.BOT_COMMAND_REPLY).build());
        MessageQuery all = MessageQuery.all();

        assertThat(ids(store().getChatMessages(CHAT, all.withThreadId(7L))))
                .containsExactly("topic-reply", "topic-user");
        assertThat(ids(store().getChatMessages(CHAT, all.withThreadId(0L)))).containsExactly("main-bot", "main-user");
        assertThat(ids(store().getChatMessages(CHAT, all.withThreadId(99L)))).isEmpty();
        Set<MessageCategory> botOutput = Set.of(MessageCategory.BOT, MessageCategory.BOT_COMMAND_REPLY);
        assertThat(ids(store().getChatMessages(CHAT, all.withCategories(botOutput))))
                .containsExactly("topic-reply", "main-bot");
        assertThat(ids(store().getChatMessages(CHAT, all.withCategories(botOutput).withThreadId(0L))))
                .containsExactly("main-bot");
        assertThat(ids(store().getChatMessages(CHAT, all.withCategories(Set.of(MessageCategory.BOT_SUMMARY)))))
                .isEmpty();
    }

    @Test
    default void theSameMessageIdInAnotherChatIsAnotherMessage() {
        store().addChatMessage(message(CHAT, "1", ALICE, 0));
        store().addChatMessage(message(OTHER_CHAT, "1", ALICE, 1).toBuilder().text("elsewhere").build());

        assertThat(store().getChatMessage(CHAT, "1")).get().extracting(ChatMessage::text).isEqualTo("text of 1");
        assertThat(store().getChatMessage(OTHER_CHAT, "1")).get().extracting(ChatMessage::text).isEqualTo("elsewhere");
        assertThat(store().getChatMessages(CHAT, MessageQuery.all())).hasSize(1);
    }

    @Test
    default void aDuplicateMessageIsRefusedAndChangesNothing() {
        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        store().addChatMessage(message("1", 0));

        assertThatThrownBy(() -> store().addChatMessage(message("1", 5).toBuilder().text("changed").build()))
                .isInstanceOfSatisfying(DuplicateMessageException.class, e -> {
                    assertThat(e.chatId()).isEqualTo(CHAT);
                    assertThat(e.messageId()).isEqualTo("1");
                });
        assertThat(store().getChatMessages(CHAT, MessageQuery.all())).singleElement()
                .satisfies(stored -> assertThat(stored.text()).isEqualTo("text of 1"))
                .satisfies(stored -> assertThat(stored.date()).isEqualTo(T0));
        assertThat(store().getChatUser(CHAT, ALICE)).get().extracting(ChatUser::messagesCount).isEqualTo(1L);
    }

    @Test
    default void addChatMessagesSkipsDuplicatesAndReturnsHowManyWereStored() {
        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        store().addChatMessage(message("1", 0));

        int stored = store().addChatMessages(List.of(
                message("1", 9).toBuilder().text("duplicate of a stored one").build(),
                message("2", 1),
                message("3", 2),
                message("2", 3).toBuilder().text("duplicate within the batch").build(),
                message(OTHER_CHAT, "2", ALICE, 4)));

        assertThat(stored).isEqualTo(3);
        assertThat(ids(store().getChatMessages(CHAT, MessageQuery.all()))).containsExactly("3", "2", "1");
        assertThat(store().getChatMessage(CHAT, "1")).get().extracting(ChatMessage::text).isEqualTo("text of 1");
        assertThat(store().getChatMessage(CHAT, "2")).get().extracting(ChatMessage::text).isEqualTo("text of 2");
        assertThat(store().getChatMessage(OTHER_CHAT, "2")).isPresent();
        assertThat(store().getChatUser(CHAT, ALICE)).get().extracting(ChatUser::messagesCount).isEqualTo(3L);
        assertThat(store().addChatMessages(List.of())).isZero();
        assertThat(store().addChatMessages(List.of(message("1", 0), message("2", 1)))).isZero();
    }

    @Test
    default void aBatchWithANullElementIsRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> store().addChatMessages(Arrays.asList(message("1", 0), null)))
                .isInstanceOf(NullPointerException.class);
        assertThat(store().getChatMessages(CHAT, MessageQuery.all())).isEmpty();
    }

    @Test
    default void messagesAreCountedOnlyForMembersThatHaveARow() {
        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        store().addChatMessage(message(CHAT, "1", ALICE, 0));
        store().addChatMessage(message(CHAT, "2", BOB, 1));
        store().addChatMessage(message(CHAT, "3", ALICE, 2));
        store().addChatMessage(message(OTHER_CHAT, "4", ALICE, 3));

        assertThat(store().getChatUser(CHAT, ALICE)).get().extracting(ChatUser::messagesCount).isEqualTo(2L);
        assertThat(store().getChatUser(CHAT, BOB)).as("a message does not create a member").isEmpty();
        assertThat(store().getChatUser(OTHER_CHAT, ALICE)).isEmpty();
        store().updateChatUser(CHAT, BOB, "bob", "Bob");
        assertThat(store().getChatUser(CHAT, BOB)).get().extracting(ChatUser::messagesCount).isEqualTo(0L);
    }

    @Test
    default void aReplyChainIsOldestFirstAndCanBeNarrowedToAThread() {
        ChatStore store = store();
        store.addChatMessage(message("root", 0));
        store.addChatMessage(message("r2", 2).toBuilder().rootMessageId("root").replyId("r1").threadId(5).build());
        store.addChatMessage(message("r1", 1).toBuilder().rootMessageId("root").replyId("root").threadId(5).build());
        store.addChatMessage(message("r3", 3).toBuilder().rootMessageId("root").threadId(6).build());
        store.addChatMessage(message("other", 4).toBuilder().rootMessageId("another-root").build());
        store.addChatMessage(message(OTHER_CHAT, "elsewhere", ALICE, 1).toBuilder().rootMessageId("root").build());

        assertThat(ids(store.getChatMessagesByRootId(CHAT, "root", null))).containsExactly("r1", "r2", "r3");
        assertThat(ids(store.getChatMessagesByRootId(CHAT, "root", 5L))).containsExactly("r1", "r2");
        assertThat(store.getChatMessagesByRootId(CHAT, "root", 0L)).isEmpty();
        assertThat(store.getChatMessagesByRootId(CHAT, "unknown", null)).isEmpty();
    }

    @Test
    default void aUsersMessagesAreNewestFirstAndLimited() {
        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        store().addChatMessage(message(CHAT, "a1", ALICE, 0));
        store().addChatMessage(message(CHAT, "b1", BOB, 1));
        store().addChatMessage(message(CHAT, "a3", ALICE, 3));
        store().addChatMessage(message(CHAT, "a2", ALICE, 2));
        store().addChatMessage(message(OTHER_CHAT, "a4", ALICE, 4));

        List<ChatMessage> newest = store().getChatMessagesByUser(CHAT, ALICE, 2);
        assertThat(ids(newest)).containsExactly("a3", "a2");
        assertThat(newest).allSatisfy(m -> assertThat(m.username()).isEqualTo("alice"));
        assertThat(ids(store().getChatMessagesByUser(CHAT, ALICE, 100))).containsExactly("a3", "a2", "a1");
        assertThat(store().getChatMessagesByUser(CHAT, 999L, 100)).isEmpty();
    }

    @Test
    default void aMessageCategoryCanBeChangedOnlyForAStoredMessage() {
        ChatMessage original = message("1", 0).toBuilder().threadId(3).text("hello").build();
        store().addChatMessage(original);

        assertThat(store().updateChatMessageCategory(CHAT, "1", MessageCategory.USER_SPAM)).isTrue();
        assertThat(store().getChatMessage(CHAT, "1"))
                .hasValue(original.toBuilder().category(MessageCategory.USER_SPAM).build());
        assertThat(ids(store().getChatMessages(CHAT, MessageQuery.all()
                .withCategories(Set.of(MessageCategory.USER_SPAM))))).containsExactly("1");
        assertThat(store().updateChatMessageCategory(CHAT, "2", MessageCategory.BOT)).isFalse();
        assertThat(store().updateChatMessageCategory(OTHER_CHAT, "1", MessageCategory.BOT)).isFalse();
        assertThat(store().getChatMessage(CHAT, "2")).isEmpty();
    }
}
