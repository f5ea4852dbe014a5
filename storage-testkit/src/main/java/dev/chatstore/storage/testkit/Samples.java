package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids, times and values the contract tests share. */
final class Samples {
    /** A 13-digit supergroup id, as Telegram gives them. */
    static final long CHAT = -1001234567890L;
    /** Sorts before {@link #CHAT}: chat id order is numeric, negatives first. */
    static final long OTHER_CHAT = -1009876543210L;
    /** A private chat (positive id, sorts after both groups). */
    static final long PRIVATE_CHAT = 123456789L;
    static final long ALICE = 1001L;
    static final long BOB = 1002L;
    /** Beyond the 32-bit range, as newer Telegram user ids are. */
    static final long CAROL = 7_000_000_001L;
    /** Threads in the concurrency tests. */
    static final int THREADS = 8;
    /** Enough to reach the next whole second from any point in the current one. */
    static final Duration NEXT_SECOND = Duration.ofMillis(1100);
    /** A message date; whole seconds. */
    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    /**
     * Keys in SQLite BINARY order, which is Unicode code point order; Java's {@code String} order would put the
     * emoji (a surrogate pair) before U+FF5E.
     */
    static final List<String> KEYS_IN_ORDER = List.of("Zeta", "alpha", "beta", "é", "\uFF5Ewave", "😀");

    /** Unicode, emoji, right-to-left, SQL-looking, LIKE wildcards, whitespace, empty. */
    static final List<String> AWKWARD_TEXTS = List.of(
            "Привет, мир! 你好，世界 こんにちは 🌍🚀👨‍👩‍👧‍👦 🇺🇦 é vs e\u0301",
            "שלום עולם — مرحبا بالعالم (RTL with \u200F marks and digits 123)",
            "'); DROP TABLE chat_messages; --",
            "Robert\"); DELETE FROM chat_users WHERE 1=1; /* ' \" ` \\ */",
            "100% off_now \\% \\_ [a-z]* ? {json: \"yes\"}",
            "  leading and trailing spaces, tab\tand\nnew lines\r\n  ",
            "");

    private Samples() {
    }

    /** A text message by {@link #ALICE} in {@link #CHAT}, {@code minutes} after {@link #T0}. */
    static ChatMessage message(String id, int minutes) {
        return message(CHAT, id, ALICE, minutes);
    }

    static ChatMessage message(long chatId, String id, long userId, int minutes) {
        return ChatMessage.builder(chatId, id, userId, T0.plus(Duration.ofMinutes(minutes))).text("text of " + id)
                .build();
    }

    static SpamMessage spam(long chatId, long userId, String messageId, String text) {
        return new SpamMessage(chatId, userId, messageId, text, SpamReason.AUTO, 0.93);
    }

    static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    static List<String> ids(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::messageId).toList();
    }

    /** Asserts a store-set timestamp: whole seconds, from {@code before}'s second up to {@code after}. */
    static void assertStamped(Instant stamp, Instant before, Instant after) {
        assertThat(stamp).isNotNull();
        assertThat(stamp.getNano()).as("whole seconds").isZero();
        assertThat(stamp).isBetween(before.truncatedTo(ChronoUnit.SECONDS), after);
    }
}
