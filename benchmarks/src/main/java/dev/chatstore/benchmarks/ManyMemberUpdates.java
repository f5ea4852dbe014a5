package dev.chatstore.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The many-member shape of issue 19: text-message updates in 200 supergroups from 2,000 users, each message from a
 * random member of its chat, one second apart, as Telegram JSONL (one update per line). Every chat has the same
 * number of members drawn from the users (seeded, so a given shape always writes the same file); a chat's message
 * ids count up from 1. Streams: any count is written in constant memory.
 *
 * <p>{@code java -cp benchmarks.jar dev.chatstore.benchmarks.ManyMemberUpdates OUT.jsonl COUNT [chats] [users]
 * [members-per-chat]}
 */
record ManyMemberUpdates(int chats, int users, int membersPerChat, long seed, long firstDate) {
    static final ManyMemberUpdates ISSUE_SHAPE = new ManyMemberUpdates(200, 2_000, 50, 19, 1_735_689_600L);
    private static final String[] WORDS = {"deploy", "tonight", "who", "has", "the", "logs", "for", "yesterday",
        "build", "green", "again", "coffee", "meeting", "moved", "to", "three", "review", "please", "thanks", "ok",
        "virtual", "threads", "in", "production", "anyone", "tried", "sqlite", "backup", "done", "lunch"};
    private static final long FIRST_CHAT = -1_001_000_000_000L;
    private static final long FIRST_USER = 500_000_000L;

    ManyMemberUpdates {
        if (chats < 1 || users < 1 || membersPerChat < 1 || membersPerChat > users) {
            throw new IllegalArgumentException("need chats >= 1, 1 <= members-per-chat <= users");
        }
    }

    static long chatId(int chat) {
        return FIRST_CHAT - chat;
    }

    static long userId(int user) {
        return FIRST_USER + user;
    }

    /** Member {@code slot} of chat {@code chat}: distinct users per chat, spread so users share chats. */
    long member(int chat, int slot) {
        // A stride coprime to the user count walks distinct users; each chat starts somewhere else.
        long start = Math.floorMod(chat * 7_919L + seed, users);
        return userId((int) ((start + (long) slot * stride()) % users));
    }

    private int stride() {
        int stride = users / membersPerChat;
        while (gcd(stride, users) != 1) {
            stride++;
        }
        return Math.max(stride, 1);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Writes exactly {@code count} update lines to {@code target}. */
    void write(Path target, long count) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] nextMessageId = new long[chats];
        StringBuilder line = new StringBuilder(320);
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            for (long i = 0; i < count; i++) {
                int chat = random.nextInt(chats);
                long user = member(chat, random.nextInt(membersPerChat));
                line.setLength(0);
                line.append("{\"update_id\":").append(100_000_000L + i)
                        .append(",\"message\":{\"message_id\":").append(++nextMessageId[chat])
                        .append(",\"from\":{\"id\":").append(user)
                        .append(",\"is_bot\":false,\"first_name\":\"User\",\"last_name\":\"").append(user)
                        .append("\",\"username\":\"user_").append(user)
                        .append("\"},\"chat\":{\"id\":").append(chatId(chat))
                        .append(",\"title\":\"Group ").append(chat)
                        .append("\",\"type\":\"supergroup\"},\"date\":").append(firstDate + i)
                        .append(",\"text\":\"");
                int words = 4 + random.nextInt(12);
                for (int w = 0; w < words; w++) {
                    line.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                line.append("\"}}");
                out.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ManyMemberUpdates OUT.jsonl COUNT [chats] [users] [members-per-chat]");
            System.exit(2);
        }
        ManyMemberUpdates shape = ISSUE_SHAPE;
        if (args.length > 2) {
            shape = new ManyMemberUpdates(Integer.parseInt(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : shape.users(),
                    args.length > 4 ? Integer.parseInt(args[4]) : shape.membersPerChat(), shape.seed(),
                    shape.firstDate());
        }
        long count = Long.parseLong(args[1].replace("_", ""));
        shape.write(Path.of(args[0]), count);
        System.err.printf("wrote %,d updates (%d chats, %d users, %d members per chat) to %s%n", count,
                shape.chats(), shape.users(), shape.membersPerChat(), args[0]);
    }
}
