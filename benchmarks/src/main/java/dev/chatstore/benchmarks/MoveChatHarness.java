package dev.chatstore.benchmarks;

import dev.chatstore.storage.spi.ChatDigest;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.StoreAdmin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moving one big chat between two SQLite files, against a raw copy of the same rows in the same run (not JMH: one
 * long operation, timed once per variant after one warm-up on a small chat). Run from the checkout after
 * {@code mvn -B -ntp -pl benchmarks -am package -DskipTests}:
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.chatstore.benchmarks.MoveChatHarness [MESSAGES] [BATCH]</pre>
 *
 * Variants, each into a fresh, migrated target file:
 * <ul>
 *   <li><b>raw JDBC copy</b>: {@code SELECT} of the chat's {@code chat_messages} rows, batched {@code INSERT} of
 *       {@code BATCH} rows per transaction, on plain sqlite-jdbc connections (the floor a client-side copy has);</li>
 *   <li><b>move copy</b>: {@code ChatTransfer.exportChat} into {@code ChatTransfer.importRows} (every table of the
 *       chat, as {@code move-chat} copies);</li>
 *   <li><b>move copy + verify</b>: what {@code move-chat} does with no serve running: the copy, digesting the
 *       exported snapshot as it passes, then the target's {@code ChatDigest} (the verification before the switch),
 *       then the catch-up's read of the source (one pass: it counts the messages and compares the recent rows of
 *       the other tables with those the copy wrote; with nothing changed, as here, the target is not read
 *       again and nothing is replayed).</li>
 * </ul>
 * The heap in use after each variant is printed: with {@code -Xmx256m} a 1,000,000-message chat moves, which
 * shows the copy streams. Single-threaded; prints one line per variant.
 */
public final class MoveChatHarness {
    private static final long CHAT = -1001000000000L;

    private MoveChatHarness() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : ChatTransfer.DEFAULT_BATCH;
        try (TempFolder folder = TempFolder.create("move")) {
            String source = folder.file("source.db");
            long started = System.nanoTime();
            try (ChatStore store = Sqlite.open(source)) {
                fill(store, messages);
            }
            System.out.printf("source: %,d messages in one chat, written in %.1f s%n", messages,
                    (System.nanoTime() - started) / 1e9);
            run("warm-up raw", () -> rawCopy(source, folder.file("warm-raw.db"), batch, 10_000));
            run("warm-up move", () -> move(source, folder.file("warm-move.db"), batch, false));
            double raw = run("raw JDBC copy", () -> rawCopy(source, folder.file("raw.db"), batch, Long.MAX_VALUE));
            double copy = run("move copy", () -> move(source, folder.file("move.db"), batch, false));
            double verified = run("move copy + verify", () -> move(source, folder.file("verified.db"), batch, true));
            System.out.printf("move copy: %.0f%% of the raw copy's speed; with verification: %.0f%%%n",
                    100 * raw / copy, 100 * raw / verified);
        }
    }

    private interface Timed {
        long run() throws Exception;
    }

    private static double run(String name, Timed work) throws Exception {
        System.gc();
        long started = System.nanoTime();
        long rows = work.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%-20s %,10d rows %7.2f s %,10.0f rows/s   heap in use %,d MB (max %,d MB)%n", name, rows,
                seconds, rows / seconds, (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                runtime.maxMemory() >> 20);
        return seconds;
    }

    private static void fill(ChatStore store, int messages) {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        store.updateChatUser(CHAT, 1, "alice", "Alice");
        store.updateChatUser(CHAT, 2, "bob", "Bob");
        List<ChatMessage> batch = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            batch.add(ChatMessage.builder(CHAT, Integer.toString(i), 1 + i % 2, t0.plusSeconds(i * 30L))
                    .text("message number " + i + " with some ordinary chat text in it").threadId(i % 3).build());
            if (batch.size() == 5_000) {
                store.addChatMessages(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.addChatMessages(batch);
        }
    }

    private static ChatStore migrated(String path) {
        ChatStore target = Sqlite.open(path);
        ((StoreAdmin) target).migrate();
        return target;
    }

    private static long move(String sourcePath, String targetPath, int batch, boolean verify) {
        try (ChatStore source = Sqlite.open(sourcePath); ChatStore target = migrated(targetPath)) {
            ChatTransfer from = (ChatTransfer) source;
            ChatTransfer to = (ChatTransfer) target;
            long[] rows = {0};
            ChatDigest snapshot = new ChatDigest();
            from.exportChat(CHAT, batch, (table, part) -> {
                if (verify) {
                    snapshot.accept(table, part);
                }
                to.importRows(table, part);
                rows[0] += part.size();
            });
            if (verify) {
                if (!snapshot.tables().equals(ChatDigest.of(to, CHAT))) {
                    throw new IllegalStateException("verification failed");
                }
                long[] seen = {0};
                from.exportChat(CHAT, ChatTransfer.DEFAULT_BATCH, (table, part) -> seen[0] += part.size());
                if (seen[0] != rows[0]) {
                    throw new IllegalStateException("the catch-up's read saw " + seen[0] + " rows, not " + rows[0]);
                }
            }
            return rows[0];
        }
    }

    private static long rawCopy(String sourcePath, String targetPath, int batch, long limit) throws SQLException {
        migrated(targetPath).close();
        String columns = RawDatabase.COLUMNS + ", created_at";
        String marks = "?, ".repeat(columns.split(",").length - 1) + "?";
        try (Connection in = DriverManager.getConnection("jdbc:sqlite:" + sourcePath);
             Connection out = DriverManager.getConnection("jdbc:sqlite:" + targetPath);
             PreparedStatement select = in.prepareStatement("SELECT " + columns
                     + " FROM chat_messages WHERE chat_id = ?");
             PreparedStatement insert = out.prepareStatement("INSERT INTO chat_messages (" + columns + ") VALUES ("
                     + marks + ")")) {
            try (Statement pragma = out.createStatement()) {
                pragma.execute("PRAGMA journal_mode=WAL");
                pragma.execute("PRAGMA synchronous=NORMAL");
            }
            out.setAutoCommit(false);
            select.setLong(1, CHAT);
            long rows = 0;
            int width = columns.split(",").length;
            try (ResultSet result = select.executeQuery()) {
                while (result.next() && rows < limit) {
                    for (int i = 1; i <= width; i++) {
                        insert.setObject(i, result.getObject(i));
                    }
                    insert.addBatch();
                    if (++rows % batch == 0) {
                        insert.executeBatch();
                        out.commit();
                    }
                }
            }
            insert.executeBatch();
            out.commit();
            return rows;
        }
    }
}
