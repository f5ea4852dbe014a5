package dev.chatstore.benchmarks;

import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Issue 19's "reads at 10M": the same reads through a one-source {@link Storage} on the SQLite plugin, on a small
 * and a big file {@link BigFile} wrote (same shape, different length), alternating between the files in one JVM so
 * both see the same machine. Per read and file the median and p99 of single calls (after a warm-up pass), and the
 * big/small ratio of the medians (issue 19's target: within 2x).
 *
 * <p>{@code java -cp benchmarks.jar dev.chatstore.benchmarks.BigFileReads SMALL.db BIG.db [ROUNDS]}
 */
final class BigFileReads {
    private static final MessageQuery LATEST_50 = MessageQuery.latest(50);
    private static final String[] READS = {"latest50", "pointRead", "userChats", "allGroupChats"};
    private static final int[] CALLS = {2000, 2000, 2000, 200};

    private BigFileReads() {
    }

    private record Opened(String label, Storage storage, long messages, long[] chats, List<Long> users) {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 2) {
            System.err.println("usage: BigFileReads SMALL.db BIG.db [ROUNDS]");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Opened> files = List.of(open("small", args[0]), open("big", args[1]));
        System.out.printf("Load average before: %s%n", loadAverage());
        // samples[file][read] = every timed call of every round
        List<List<long[]>> samples = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            List<long[]> perRead = new ArrayList<>();
            for (int calls : CALLS) {
                perRead.add(new long[calls * rounds]);
            }
            samples.add(perRead);
        }
        for (Opened file : files) {
            for (int r = 0; r < READS.length; r++) {
                time(file, r, new long[CALLS[r]], 0, new SplittableRandom(1)); // warm-up: JIT and page cache
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (int r = 0; r < READS.length; r++) {
                for (int f = 0; f < files.size(); f++) {
                    time(files.get(f), r, samples.get(f).get(r), round * CALLS[r], new SplittableRandom(round + 7));
                }
            }
        }
        System.out.printf("Load average after: %s%n", loadAverage());
        System.out.printf("%-14s %14s %14s %14s %14s %8s%n", "read", "small p50 us", "small p99 us", "big p50 us",
                "big p99 us", "big/small");
        for (int r = 0; r < READS.length; r++) {
            double smallP50 = percentile(samples.get(0).get(r), 0.5);
            double bigP50 = percentile(samples.get(1).get(r), 0.5);
            System.out.printf("%-14s %14.1f %14.1f %14.1f %14.1f %8.2f%n", READS[r], smallP50 / 1e3,
                    percentile(samples.get(0).get(r), 0.99) / 1e3, bigP50 / 1e3,
                    percentile(samples.get(1).get(r), 0.99) / 1e3, bigP50 / smallP50);
        }
        System.out.printf("files: small %,d messages, big %,d messages%n", files.get(0).messages(),
                files.get(1).messages());
        for (Opened file : files) {
            file.storage().close();
        }
    }

    private static void time(Opened file, int read, long[] into, int offset, SplittableRandom random) {
        int calls = CALLS[read];
        long perChat = Math.max(1, file.messages() / file.chats().length);
        IntConsumer call = switch (READS[read]) {
            case "latest50" -> i -> check(file.storage().getChatMessages(pick(file.chats(), random), LATEST_50)
                    .size() == 50, file, "latest50");
            case "pointRead" -> i -> check(file.storage().getChatMessage(pick(file.chats(), random),
                    Long.toString(1 + random.nextLong(perChat))).isPresent(), file, "pointRead");
            case "userChats" -> i -> check(!file.storage().getUserChats(file.users().get(random.nextInt(
                    file.users().size()))).isEmpty(), file, "userChats");
            case "allGroupChats" -> i -> check(file.storage().getAllGroupChats().size() == file.chats().length,
                    file, "allGroupChats");
            default -> throw new IllegalStateException(READS[read]);
        };
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.accept(i);
            into[offset + i] = System.nanoTime() - start;
        }
    }

    private static long pick(long[] chats, SplittableRandom random) {
        return chats[random.nextInt(chats.length)];
    }

    private static void check(boolean ok, Opened file, String read) {
        if (!ok) {
            throw new IllegalStateException(read + " on " + file.label() + " returned too little: is it a file "
                    + "BigFile wrote?");
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    private static Opened open(String label, String file) throws SQLException {
        String path = Path.of(file).toAbsolutePath().toString();
        long messages;
        List<Long> chats = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:file:" + path + "?mode=ro");
             Statement statement = raw.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT max(rowid) FROM chat_messages")) {
                rows.next();
                messages = rows.getLong(1);
            }
            try (ResultSet rows = statement.executeQuery("SELECT chat_id FROM chat_info ORDER BY chat_id")) {
                while (rows.next()) {
                    chats.add(rows.getLong(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT DISTINCT user_id FROM chat_users")) {
                while (rows.next()) {
                    users.add(rows.getLong(1));
                }
            }
        }
        StorageConfig config = new StorageConfig(label, List.of(SourceConfig.of(label, path)), Map.of(),
                OnSourceFailure.SKIP);
        return new Opened(label, Sqlite.openStorage(config), messages,
                chats.stream().mapToLong(Long::longValue).toArray(), users);
    }
}
