package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;
import org.junit.jupiter.api.Test;

import static dev.chatstore.storage.testkit.Samples.ALICE;
import static dev.chatstore.storage.testkit.Samples.BOB;
import static dev.chatstore.storage.testkit.Samples.CHAT;
import static dev.chatstore.storage.testkit.Samples.OTHER_CHAT;
import static dev.chatstore.storage.testkit.Samples.spam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Contract of {@link dev.chatstore.storage.spi.SpamStore}. "Oldest" and "newest" are by {@code created_at}, ties
 * by insertion order; replacing a sample keeps its {@code created_at} and so its place.
 */
interface SpamContract extends StoreFixture {
    @Test
    default void aUsersSamplesAreOldestFirstAndDeletedTogether() {
        SpamMessage first = spam(CHAT, ALICE, "1", "Buy followers");
        SpamMessage third = new SpamMessage(CHAT, ALICE, "3", "Crypto x100", SpamReason.ADMIN, 1.0);
        store().addSpamMessage(first);
        store().addSpamMessage(spam(CHAT, BOB, "2", "Cheap pills"));
        store().addSpamMessage(third);
        store().addSpamMessage(spam(OTHER_CHAT, ALICE, "4", "Buy followers"));

        assertThat(store().getSpamMessagesByUserId(CHAT, ALICE)).containsExactly(first, third);
        assertThat(store().deleteSpamMessagesByUserId(CHAT, ALICE)).isEqualTo(2);
        assertThat(store().getSpamMessagesByUserId(CHAT, ALICE)).isEmpty();
        assertThat(store().deleteSpamMessagesByUserId(CHAT, ALICE)).isZero();
        assertThat(store().getSpamMessagesByUserId(CHAT, BOB)).hasSize(1);
        assertThat(store().getSpamMessagesByUserId(OTHER_CHAT, ALICE)).hasSize(1);
    }

    @Test
    default void aSampleWithTheSameKeyIsReplacedInPlace() {
        store().addSpamMessage(spam(CHAT, ALICE, "1", "first text"));
        store().addSpamMessage(spam(CHAT, ALICE, "2", "second"));
        SpamMessage replacement = new SpamMessage(CHAT, ALICE, "1", "edited text", SpamReason.USER, 0.5);
        store().addSpamMessage(replacement);

        assertThat(store().getSpamMessagesByUserId(CHAT, ALICE)).extracting(SpamMessage::messageId)
                .containsExactly("1", "2");
        assertThat(store().getSpamMessagesByUserId(CHAT, ALICE).get(0)).isEqualTo(replacement);
        assertThat(store().getSpamMessages(10)).extracting(SpamMessage::messageId).containsExactly("2", "1");
        assertThat(store().getSpamMessagesByText("first text")).isEmpty();
    }

    @Test
    default void theNewestSamplesOfEveryChatComeFirstUpToTheLimit() {
        store().addSpamMessage(spam(CHAT, ALICE, "1", "one"));
        store().addSpamMessage(spam(OTHER_CHAT, BOB, "2", "two"));
        store().addSpamMessage(spam(CHAT, BOB, "3", "three"));

        assertThat(store().getSpamMessages(2)).extracting(SpamMessage::text).containsExactly("three", "two");
        assertThat(store().getSpamMessages(100)).extracting(SpamMessage::text).containsExactly("three", "two", "one");
    }

    @Test
    default void samplesAreFoundByExactTextOldestFirst() {
        store().addSpamMessage(spam(CHAT, ALICE, "1", "Buy now"));
        store().addSpamMessage(spam(CHAT, BOB, "2", "buy now"));
        store().addSpamMessage(spam(OTHER_CHAT, BOB, "3", "Buy now "));
        store().addSpamMessage(spam(OTHER_CHAT, ALICE, "4", "Buy now"));

        assertThat(store().getSpamMessagesByText("Buy now")).extracting(SpamMessage::chatId, SpamMessage::messageId)
                .containsExactly(tuple(CHAT, "1"),
                        tuple(OTHER_CHAT, "4"));
        assertThat(store().getSpamMessagesByText("Buy")).isEmpty();
        assertThat(store().getSpamMessagesByText("Buy%")).isEmpty();
        assertThat(store().getSpamMessagesByText("Buy_now")).isEmpty();
    }

    /** The SPI has no read for ham samples; what it can show is that they stay out of the spam table. */
    @Test
    default void hamSamplesAreKeptApartFromSpam() {
        store().addHamMessage(new SpamMessage(CHAT, ALICE, "1", "Hello everyone", SpamReason.UNBAN, 1.0));
        store().addHamMessage(new SpamMessage(CHAT, ALICE, "1", "Hello everyone!", SpamReason.UNBAN, 1.0));

        assertThat(store().getSpamMessagesByUserId(CHAT, ALICE)).isEmpty();
        assertThat(store().getSpamMessages(10)).isEmpty();
        assertThat(store().getSpamMessagesByText("Hello everyone")).isEmpty();

        store().addSpamMessage(spam(CHAT, ALICE, "1", "Hello everyone"));
        assertThat(store().deleteSpamMessagesByUserId(CHAT, ALICE)).as("only the spam sample").isEqualTo(1);
        assertThat(store().getSpamMessages(10)).isEmpty();
    }
}
