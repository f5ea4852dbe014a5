package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.ChatUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;

import static dev.chatstore.storage.testkit.Samples.ALICE;
import static dev.chatstore.storage.testkit.Samples.BOB;
import static dev.chatstore.storage.testkit.Samples.CAROL;
import static dev.chatstore.storage.testkit.Samples.CHAT;
import static dev.chatstore.storage.testkit.Samples.OTHER_CHAT;
import static dev.chatstore.storage.testkit.Samples.PRIVATE_CHAT;
import static dev.chatstore.storage.testkit.Samples.assertStamped;
import static dev.chatstore.storage.testkit.Samples.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Contract of {@link dev.chatstore.storage.spi.UserStore}, except orders by time (see {@link TimestampContract}). */
interface UserContract extends StoreFixture {
    @Test
    default void aNewMemberStartsWithDefaults() {
        Instant before = clock().instant();
        store().updateChatUser(CHAT, CAROL, "carol", "Carol Danvers");
        Instant after = clock().instant();

        ChatUser carol = store().getChatUser(CHAT, CAROL).orElseThrow();
        assertThat(carol).extracting(ChatUser::chatId, ChatUser::userId, ChatUser::username, ChatUser::fullName,
                        ChatUser::timezone, ChatUser::messagesCount, ChatUser::isSpammer, ChatUser::metadata)
                .containsExactly(CHAT, CAROL, "carol", "Carol Danvers", null, 0L, false, "");
        assertStamped(carol.createdAt(), before, after);
        assertThat(carol.updatedAt()).isEqualTo(carol.createdAt());
        assertThat(store().getChatUser(OTHER_CHAT, CAROL)).isEmpty();
        assertThat(store().getChatUser(CHAT, ALICE)).isEmpty();
    }

    @Test
    default void updatingAMemberChangesTheNameAndKeepsCountFlagAndMetadata() {
        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        store().addChatMessage(message("1", 0));
        assertThat(store().markUserIsSpammer(CHAT, ALICE, true)).isTrue();
        assertThat(store().updateUserMetadata(CHAT, ALICE, "{\"lang\":\"en\"}")).isTrue();
        ChatUser before = store().getChatUser(CHAT, ALICE).orElseThrow();

        store().updateChatUser(CHAT, ALICE, "", "Alice Liddell");

        ChatUser after = store().getChatUser(CHAT, ALICE).orElseThrow();
        assertThat(after).extracting(ChatUser::username, ChatUser::fullName, ChatUser::messagesCount,
                        ChatUser::isSpammer, ChatUser::metadata, ChatUser::createdAt)
                .containsExactly("", "Alice Liddell", 1L, true, "{\"lang\":\"en\"}", before.createdAt());
        assertThat(after.updatedAt()).isAfterOrEqualTo(before.updatedAt());
    }

    @Test
    default void spamFlagAndMetadataChangeOnlyExistingMembers() {
        assertThat(store().markUserIsSpammer(CHAT, BOB, true)).isFalse();
        assertThat(store().updateUserMetadata(CHAT, BOB, "{}")).isFalse();
        assertThat(store().getChatUser(CHAT, BOB)).as("no member is created").isEmpty();

        store().updateChatUser(CHAT, BOB, "bob", "Bob");
        assertThat(store().markUserIsSpammer(CHAT, BOB, true)).isTrue();
        assertThat(store().getChatUser(CHAT, BOB)).get().extracting(ChatUser::isSpammer).isEqualTo(true);
        assertThat(store().markUserIsSpammer(CHAT, BOB, false)).isTrue();
        assertThat(store().getChatUser(CHAT, BOB)).get().extracting(ChatUser::isSpammer).isEqualTo(false);
        assertThat(store().updateUserMetadata(CHAT, BOB, "{\"warned\":2}")).isTrue();
        assertThat(store().updateUserMetadata(CHAT, BOB, "")).isTrue();
        assertThat(store().getChatUser(CHAT, BOB)).get().extracting(ChatUser::metadata).isEqualTo("");
        assertThat(store().markUserIsSpammer(OTHER_CHAT, BOB, true)).isFalse();
    }

    @Test
    default void aMemberIsFoundByExactCaseSensitiveUsername() {
        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        store().updateChatUser(CHAT, BOB, "bob", "Bob");
        store().updateChatUser(OTHER_CHAT, CAROL, "carol", "Carol");

        assertThat(store().getChatUserByUsername(CHAT, "alice")).get().extracting(ChatUser::userId).isEqualTo(ALICE);
        assertThat(store().getChatUserByUsername(CHAT, "Alice")).isEmpty();
        assertThat(store().getChatUserByUsername(CHAT, "@alice")).isEmpty();
        assertThat(store().getChatUserByUsername(CHAT, "ali")).isEmpty();
        assertThat(store().getChatUserByUsername(CHAT, "carol")).isEmpty();
        assertThat(store().getChatUserByUsername(OTHER_CHAT, "carol")).isPresent();
    }

    @Test
    default void membersAreListedWithALimit() {
        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        store().updateChatUser(CHAT, BOB, "bob", "Bob");
        store().updateChatUser(OTHER_CHAT, CAROL, "carol", "Carol");

        assertThat(store().getChatUsers(CHAT, 10, null)).extracting(ChatUser::userId)
                .containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(store().getChatUsers(CHAT, 1, null)).hasSize(1);
        assertThat(store().getChatUsers(CHAT, 10, Instant.parse("2000-01-01T00:00:00Z"))).hasSize(2);
        assertThat(store().getChatUsers(CHAT, 10, clock().instant().plusSeconds(3600))).isEmpty();
        assertThat(store().getChatUsers(PRIVATE_CHAT, 10, null)).isEmpty();
    }

    @Test
    default void membersSeenInTheSameSecondAreOrderedByUserId() {
        for (long userId : new long[] {7, 3, 9, 1, 5}) {
            store().updateChatUser(PRIVATE_CHAT, userId, "user" + userId, "User " + userId);
        }
        // Over a wall clock the writes may span a second boundary; the order holds either way.
        assertThat(store().getChatUsers(PRIVATE_CHAT, 10, null)).hasSize(5).isSortedAccordingTo(
                Comparator.comparing(ChatUser::updatedAt).reversed().thenComparingLong(ChatUser::userId));
    }

    @Test
    default void aSharedUsernameFindsTheMostRecentlySeenMemberThenTheLowestId() {
        store().updateChatUser(CHAT, BOB, "twin", "Bob");
        store().updateChatUser(CHAT, ALICE, "twin", "Alice"); // same second as Bob (lower id wins) or later
        assertThat(store().getChatUserByUsername(CHAT, "twin")).get().extracting(ChatUser::userId).isEqualTo(ALICE);
    }

    @Test
    default void aUsersChatsAreThoseWithMembershipAndInfoByChatId() {
        store().updateChatInfo(CHAT, ChatType.SUPERGROUP, "Group", null, false);
        store().updateChatInfo(OTHER_CHAT, ChatType.GROUP, "Other", null, false);
        store().updateChatInfo(PRIVATE_CHAT, ChatType.PRIVATE, null, null, false);
        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        store().updateChatUser(OTHER_CHAT, ALICE, "alice", "Alice");
        store().updateChatUser(-1005555555555L, ALICE, "alice", "Alice"); // member, but no chat_info row
        store().updateChatUser(PRIVATE_CHAT, BOB, "bob", "Bob");

        assertThat(store().getUserChats(ALICE)).extracting(ChatInfo::chatId).containsExactly(OTHER_CHAT, CHAT);
        assertThat(store().getUserChats(BOB)).extracting(ChatInfo::chatId).containsExactly(PRIVATE_CHAT);
        assertThat(store().getUserChats(CAROL)).isEmpty();
    }

    @Test
    default void groupChatsAreGroupsAndSupergroupsByChatId() {
        store().updateChatInfo(PRIVATE_CHAT, ChatType.PRIVATE, null, "alice", false);
        store().updateChatInfo(CHAT, ChatType.SUPERGROUP, "Supergroup", null, true);
        store().updateChatInfo(-1001111111111L, ChatType.CHANNEL, "Channel", "news", false);
        store().updateChatInfo(OTHER_CHAT, ChatType.GROUP, "Group", null, false);

        assertThat(store().getAllGroupChats()).extracting(ChatInfo::chatId, ChatInfo::type)
                .containsExactly(tuple(OTHER_CHAT, ChatType.GROUP),
                        tuple(CHAT, ChatType.SUPERGROUP));
        store().updateChatInfo(CHAT, ChatType.PRIVATE, null, null, false);
        assertThat(store().getAllGroupChats()).extracting(ChatInfo::chatId).containsExactly(OTHER_CHAT);
    }

    @Test
    default void chatsAreFoundByUsernameIgnoringAsciiCaseOnly() {
        store().updateChatInfo(CHAT, ChatType.SUPERGROUP, "Dev", "ChatStoreDev", false);
        store().updateChatInfo(OTHER_CHAT, ChatType.SUPERGROUP, "dev", "chatstoredev", false);
        store().updateChatInfo(PRIVATE_CHAT, ChatType.PRIVATE, null, null, false);
        store().updateChatInfo(-1002222222222L, ChatType.CHANNEL, "Новости", "Новости", false);

        assertThat(store().findChatsByUsername("CHATSTOREDEV")).extracting(ChatInfo::chatId)
                .containsExactly(OTHER_CHAT, CHAT);
        assertThat(store().findChatsByUsername("chatstore")).isEmpty();
        assertThat(store().findChatsByUsername("Новости")).extracting(ChatInfo::chatId)
                .containsExactly(-1002222222222L);
        assertThat(store().findChatsByUsername("новости")).as("only ASCII letters fold, as in SQLite NOCASE")
                .isEmpty();
        assertThat(store().findChatsByUsername("%")).isEmpty();
    }
}
