package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.CacheEntry;
import dev.chatstore.storage.spi.CacheStorageEntry;
import dev.chatstore.storage.spi.CacheType;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatSummarization;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.DelayedTask;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaStatus;
import dev.chatstore.storage.spi.MediaUpdate;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.SummarizationKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.chatstore.storage.testkit.Samples.ALICE;
import static dev.chatstore.storage.testkit.Samples.BOB;
import static dev.chatstore.storage.testkit.Samples.CAROL;
import static dev.chatstore.storage.testkit.Samples.CHAT;
import static dev.chatstore.storage.testkit.Samples.NEXT_SECOND;
import static dev.chatstore.storage.testkit.Samples.T0;
import static dev.chatstore.storage.testkit.Samples.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What only shows when time passes: upserts keep {@code created_at} and move {@code updated_at}, orders by
 * {@code updated_at}, TTL expiry. These tests call {@link #letTimePass}; over a wall clock they sleep about 6 s in
 * all, since timestamps have whole seconds and each step must cross a second boundary.
 */
interface TimestampContract extends StoreFixture {
    @Test
    default void upsertsKeepCreatedAtAndMoveUpdatedAt() throws InterruptedException {
        ChatStore store = store();
        SummarizationKey key = new SummarizationKey(CHAT, 3L, "1", "2", "prompt");
        store.updateChatUser(CHAT, ALICE, "alice", "Alice");
        store.updateChatInfo(CHAT, ChatType.SUPERGROUP, "Title", null, true);
        store.updateChatTopicInfo(CHAT, 3, null, null, "Topic");
        store.addChatSummarization(key, "v1");
        store.addMediaAttachment(MediaAttachment.builder("file", MessageType.VOICE).build());
        store.addDelayedTask("task", "f", "{}", T0);
        store.setCacheEntry(CacheType.YANDEX_SEARCH, "query", "v1");
        Map<String, Instant[]> before = stamps(key);
        letTimePass(NEXT_SECOND);

        store.updateChatUser(CHAT, ALICE, "alice", "Alice L.");
        store.updateChatInfo(CHAT, ChatType.SUPERGROUP, "New title", null, true);
        store.updateChatTopicInfo(CHAT, 3, null, null, "Renamed");
        store.addChatSummarization(key, "v2");
        store.updateMediaAttachment("file", MediaUpdate.builder().status(MediaStatus.DONE).build());
        store.updateDelayedTask("task", false);
        store.setCacheEntry(CacheType.YANDEX_SEARCH, "query", "v2");
        Map<String, Instant[]> after = stamps(key);

        before.forEach((row, stamps) -> {
            assertThat(after.get(row)[0]).as("created_at of the %s", row).isEqualTo(stamps[0]);
            assertThat(after.get(row)[1]).as("updated_at of the %s", row).isAfter(stamps[1]);
        });
    }

    private Map<String, Instant[]> stamps(SummarizationKey key) {
        ChatStore store = store();
        ChatUser user = store.getChatUser(CHAT, ALICE).orElseThrow();
        ChatInfo info = store.getChatInfo(CHAT).orElseThrow();
        ChatTopic topic = store.getChatTopics(CHAT).get(0);
        ChatSummarization summary = store.getChatSummarization(key).orElseThrow();
        MediaAttachment media = store.getMediaAttachment("file").orElseThrow();
        DelayedTask task = store.getPendingDelayedTasks().get(0);
        CacheEntry cached = store.getCacheEntry(CacheType.YANDEX_SEARCH, "query", null).orElseThrow();
        Map<String, Instant[]> stamps = new LinkedHashMap<>();
        stamps.put("chat user", new Instant[] {user.createdAt(), user.updatedAt()});
        stamps.put("chat info", new Instant[] {info.createdAt(), info.updatedAt()});
        stamps.put("topic", new Instant[] {topic.createdAt(), topic.updatedAt()});
        stamps.put("summary", new Instant[] {summary.createdAt(), summary.updatedAt()});
        stamps.put("media attachment", new Instant[] {media.createdAt(), media.updatedAt()});
        stamps.put("delayed task", new Instant[] {task.createdAt(), task.updatedAt()});
        stamps.put("cache entry", new Instant[] {cached.createdAt(), cached.updatedAt()});
        return stamps;
    }

    /**
     * Most recently seen first, equal {@code updated_at} by user id; {@code seenSince} is inclusive at whole-second
     * precision; counting a message is not a sighting.
     */
    @Test
    default void membersAreListedMostRecentlySeenFirst() throws InterruptedException {
        store().updateChatUser(CHAT, CAROL, "carol", "Carol");
        store().updateChatUser(CHAT, ALICE, "alice", "Alice"); // same second as Carol, or later: first either way
        letTimePass(NEXT_SECOND);
        store().updateChatUser(CHAT, BOB, "bob", "Bob");
        assertThat(store().getChatUsers(CHAT, 10, null)).extracting(ChatUser::userId)
                .containsExactly(BOB, ALICE, CAROL);

        letTimePass(NEXT_SECOND);
        store().updateChatUser(CHAT, CAROL, "carol", "Carol");
        store().addChatMessage(message(CHAT, "1", ALICE, 0));
        assertThat(store().getChatUsers(CHAT, 10, null)).extracting(ChatUser::userId)
                .containsExactly(CAROL, BOB, ALICE);
        assertThat(store().getChatUsers(CHAT, 2, null)).extracting(ChatUser::userId).containsExactly(CAROL, BOB);
        Instant bobSeen = store().getChatUser(CHAT, BOB).orElseThrow().updatedAt();
        assertThat(store().getChatUsers(CHAT, 10, bobSeen)).extracting(ChatUser::userId).containsExactly(CAROL, BOB);
        assertThat(store().getChatUsers(CHAT, 10, bobSeen.plusMillis(500))).extracting(ChatUser::userId)
                .containsExactly(CAROL, BOB);
        assertThat(store().getChatUsers(CHAT, 10, bobSeen.plusSeconds(1))).extracting(ChatUser::userId)
                .containsExactly(CAROL);
    }

    @Test
    default void namespacedEntriesAreNewestFirst() throws InterruptedException {
        store().setCacheStorage("b", "key", "1");
        store().setCacheStorage("a", "key", "1"); // same second as b, or later: first either way
        assertThat(store().getCacheStorage()).extracting(CacheStorageEntry::namespace).containsExactly("a", "b");

        letTimePass(NEXT_SECOND);
        store().setCacheStorage("b", "key", "2");
        assertThat(store().getCacheStorage()).extracting(CacheStorageEntry::namespace, CacheStorageEntry::value)
                .containsExactly(tuple("b", "2"), tuple("a", "1"));
    }

    /** The one test that must wait past its TTL; an expired entry is hidden, not deleted. */
    @Test
    default void aCacheEntryOlderThanItsTtlIsAbsent() throws InterruptedException {
        store().setCacheEntry(CacheType.GEOCODE_MAPS_REVERSE, "55.75,37.61", "Moscow");
        assertThat(store().getCacheEntry(CacheType.GEOCODE_MAPS_REVERSE, "55.75,37.61", Duration.ofSeconds(1)))
                .isPresent();

        letTimePass(Duration.ofSeconds(2));
        assertThat(store().getCacheEntry(CacheType.GEOCODE_MAPS_REVERSE, "55.75,37.61", Duration.ofSeconds(1)))
                .isEmpty();
        assertThat(store().getCacheEntry(CacheType.GEOCODE_MAPS_REVERSE, "55.75,37.61", Duration.ofHours(1)))
                .isPresent();
        assertThat(store().getCacheEntry(CacheType.GEOCODE_MAPS_REVERSE, "55.75,37.61", null)).isPresent();

        store().setCacheEntry(CacheType.GEOCODE_MAPS_REVERSE, "55.75,37.61", "Moscow, Kremlin");
        assertThat(store().getCacheEntry(CacheType.GEOCODE_MAPS_REVERSE, "55.75,37.61", Duration.ofSeconds(1)))
                .get().extracting(CacheEntry::data).isEqualTo("Moscow, Kremlin");
    }
}
