package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.DuplicateMessageException;
import dev.chatstore.storage.spi.MessageQuery;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static dev.chatstore.storage.testkit.Samples.ALICE;
import static dev.chatstore.storage.testkit.Samples.CHAT;
import static dev.chatstore.storage.testkit.Samples.OTHER_CHAT;
import static dev.chatstore.storage.testkit.Samples.THREADS;
import static dev.chatstore.storage.testkit.Samples.message;
import static org.assertj.core.api.Assertions.assertThat;

/** Many threads on one store: nothing lost, nothing counted twice, readers never see half a write. */
interface ConcurrencyContract extends StoreFixture {
    @Test
    default void concurrentWritersLoseNoMessageAndNoCount() throws Exception {
        int perThread = 200;
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long chat = t % 2 == 0 ? CHAT : OTHER_CHAT;
            long user = 2000 + t;
            String prefix = "t" + t + "-";
            writers.add(() -> {
                store().updateChatUser(chat, user, "user" + user, "Name");
                for (int i = 0; i < perThread; i++) {
                    store().addChatMessage(message(chat, prefix + i, user, i));
                    if (i % 25 == 0) {
                        store().updateChatUser(chat, user, "user" + user, "Name " + i);
                    }
                }
                return null;
            });
        }
        Concurrently.runTogether(writers);

        for (long chat : new long[] {CHAT, OTHER_CHAT}) {
            List<ChatMessage> messages = store().getChatMessages(chat, MessageQuery.all());
            assertThat(messages).hasSize(THREADS / 2 * perThread);
            assertThat(messages).extracting(ChatMessage::messageId).doesNotHaveDuplicates();
        }
        for (int t = 0; t < THREADS; t++) {
            long chat = t % 2 == 0 ? CHAT : OTHER_CHAT;
            ChatUser user = store().getChatUser(chat, 2000 + t).orElseThrow();
            assertThat(user.messagesCount()).as("messagesCount of user %d", 2000 + t).isEqualTo(perThread);
            assertThat(user.fullName()).isEqualTo("Name 175");
            assertThat(store().getChatMessagesByUser(chat, 2000 + t, 1000)).hasSize(perThread);
        }
    }

    @Test
    default void racingDuplicatesAreStoredOnceAndCountedOnce() throws Exception {
        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String text = "from thread " + t;
            racers.add(() -> {
                int stored = 0;
                try {
                    store().addChatMessage(message("race", 0).toBuilder().text(text).build());
                    stored++;
                } catch (DuplicateMessageException expected) {
                    // all but one thread lose the race
                }
                List<ChatMessage> batch = IntStream.range(0, 50).mapToObj(i -> message("batch-" + i, i)).toList();
                return stored + store().addChatMessages(batch);
            });
        }

        int stored = Concurrently.runTogether(racers).stream().mapToInt(Integer::intValue).sum();

        assertThat(stored).isEqualTo(51);
        assertThat(store().getChatMessages(CHAT, MessageQuery.all())).hasSize(51);
        assertThat(store().getChatUser(CHAT, ALICE)).get().extracting(ChatUser::messagesCount).isEqualTo(51L);
    }

    @Test
    default void readersSeeWholeWritesWhileWritersRun() throws Exception {
        int writesPerWriter = 300;
        store().updateChatUser(CHAT, ALICE, "alice", "Alice");
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch writersLeft = new CountDownLatch(THREADS / 2);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS / 2; t++) {
            String prefix = "w" + t + "-";
            tasks.add(() -> {
                try {
                    for (int i = 0; i < writesPerWriter; i++) {
                        store().addChatMessage(message(prefix + i, i));
                    }
                } finally {
                    writersLeft.countDown();
                    if (writersLeft.getCount() == 0) {
                        writing.set(false);
                    }
                }
                return null;
            });
            tasks.add(() -> {
                long seen = 0;
                do {
                    List<ChatMessage> latest = store().getChatMessages(CHAT, MessageQuery.latest(20));
                    assertThat(latest).hasSizeLessThanOrEqualTo(20)
                            .extracting(ChatMessage::date).isSortedAccordingTo(Comparator.<Instant>reverseOrder());
                    assertThat(latest).extracting(ChatMessage::messageId).doesNotHaveDuplicates();
                    long counted = store().getChatUser(CHAT, ALICE).orElseThrow().messagesCount();
                    long stored = store().getChatMessages(CHAT, MessageQuery.all()).size();
                    long countedAfter = store().getChatUser(CHAT, ALICE).orElseThrow().messagesCount();
                    assertThat(stored).as("messages stored vs counted before and after")
                            .isBetween(counted, countedAfter).isGreaterThanOrEqualTo(seen);
                    seen = stored;
                } while (writing.get());
                return null;
            });
        }
        Concurrently.runTogether(tasks);

        assertThat(store().getChatMessages(CHAT, MessageQuery.all())).hasSize(THREADS / 2 * writesPerWriter);
        assertThat(store().getChatUser(CHAT, ALICE)).get().extracting(ChatUser::messagesCount)
                .isEqualTo((long) THREADS / 2 * writesPerWriter);
    }
}
