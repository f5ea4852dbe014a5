package dev.chatstore.benchmarks;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Chat traffic shaped like a group bot's: 100 chats of 20 members each, texts from a few words to a paragraph
 * (emoji and non-Latin scripts included), one message in five a reply, dates a few minutes apart over weeks.
 * Deterministic: message {@code n} is always the same row, so runs are comparable.
 */
final class SampleMessages {
    static final int CHATS = 100;
    static final int USERS_PER_CHAT = 20;
    static final Instant START = Instant.parse("2024-06-01T08:00:00Z");

    private static final String[] TEXTS = {
        "ok",
        "Who's in for Saturday? Thinking Monte Generoso 🏔️",
        "I'm in! 🙌",
        "Can someone share the link to the doc from yesterday's call?",
        "/stats@SomeBot",
        "Привет всем! Кто-нибудь знает, во сколько завтра встреча?",
        "lol 😂😂",
        "The deploy failed again on step 3, looks like the migration times out after 30 s. I'll rerun it with the "
            + "bigger instance and report back; if it still fails we roll back to yesterday's build.",
        "👍",
        "Does anyone have a spare ticket for Friday? Happy to pay the original price, DM me.",
        "明天见！",
        "Reminder: rent is due on the 1st. Please transfer to the usual account and drop a screenshot here.",
        "https://example.org/articles/2024/06/how-we-cut-our-cloud-bill-in-half",
        "Thanks, that worked 🙏",
        "Could the bot summarise the last hour? I was offline and there are 200 unread messages here 😅",
        "Guten Morgen! Heute gibt es Kuchen im Büro 🍰",
    };

    private SampleMessages() {
    }

    static long chatId(int chat) {
        return -1001000000000L - chat;
    }

    /** Members overlap between chats, as real users sit in several groups. */
    static long userId(int chat, int member) {
        return 5_000_000_000L + (chat * 7L + member * 13L) % 600;
    }

    /** Message {@code n}: chat {@code n % 100}, id {@code n}, the {@code n / 100}-th message of its chat. */
    static ChatMessage message(long n) {
        int chat = (int) (n % CHATS);
        long inChat = n / CHATS;
        int member = (int) ((n * 7 + inChat) % USERS_PER_CHAT);
        String text = TEXTS[(int) ((n * 31 + inChat) % TEXTS.length)];
        ChatMessage.Builder message = ChatMessage.builder(chatId(chat), Long.toString(n), userId(chat, member),
                        START.plusSeconds(inChat * 600 + chat))
                .text(text)
                .type(MessageType.TEXT);
        if (n % 5 == 4 && n >= CHATS) {
            message.replyId(Long.toString(n - CHATS)).rootMessageId(Long.toString(n - CHATS));
        }
        return message.build();
    }

    static List<ChatMessage> messages(long first, int count) {
        List<ChatMessage> messages = new ArrayList<>(count);
        for (long n = first; n < first + count; n++) {
            messages.add(message(n));
        }
        return messages;
    }

    /** The chat_users rows the messages' authors have, so reads join real names and counters hit real rows. */
    static void addMembers(ChatStore store) {
        for (int chat = 0; chat < CHATS; chat++) {
            for (int member = 0; member < USERS_PER_CHAT; member++) {
                long user = userId(chat, member);
                store.updateChatUser(chatId(chat), user, "user" + user, "Member " + member + " of chat " + chat);
            }
        }
    }

    /** Stores messages {@code 0 .. count-1} in batches, as a migration or an import would. */
    static void fill(ChatStore store, int count) {
        addMembers(store);
        for (int first = 0; first < count; first += 1_000) {
            store.addChatMessages(messages(first, Math.min(1_000, count - first)));
        }
    }
}
