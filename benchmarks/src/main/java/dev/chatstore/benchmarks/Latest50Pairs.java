package dev.chatstore.benchmarks;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Issue 12's latest-50 comparison on a loaded machine: blocks of calls alternating between raw JDBC returning the
 * store's 14 columns (its statement, join included, on one held connection with the plugin's pragmas) and the
 * store's {@code getChatMessages(chat, latest(50))}, so both see the same load; prints the medians and the
 * per-pair speed ratio. JMH's {@code SqliteReadBenchmark} is the quiet-machine version.
 *
 * <p>{@code java -cp benchmarks.jar dev.chatstore.benchmarks.Latest50Pairs FILE [PAIRS [CALLS]]} on a file
 * {@link BigFile} wrote (its chats are {@link BigFile#FIRST_CHAT} down); the file is only read.
 */
final class Latest50Pairs {
    private static final String LATEST = "SELECT m.chat_id, m.message_id, m.date, m.user_id, m.reply_id, m.thread_id, "
            + "m.root_message_id, m.message_text, m.message_type, m.message_category, m.quote_text, m.media_id, "
            + "u.username, u.full_name FROM chat_messages m LEFT JOIN chat_users u ON u.chat_id = m.chat_id AND "
            + "u.user_id = m.user_id WHERE m.chat_id = ? ORDER BY m.date DESC, m.rowid DESC LIMIT ?";
    private static final MessageQuery LATEST_50 = MessageQuery.latest(50);

    private Latest50Pairs() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        if (args.length < 1) {
            System.err.println("usage: Latest50Pairs FILE [PAIRS [CALLS]]");
            System.exit(2);
        }
        String path = Path.of(args[0]).toAbsolutePath().toString();
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setCacheSize(-16_384); // the plugin's default cache-size
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + path);
        List<Double> raw = new ArrayList<>();
        List<Double> store = new ArrayList<>();
        List<Double> speed = new ArrayList<>();
        long sink = 0;
        String before = Files.readString(Path.of("/proc/loadavg")).trim();
        try (ChatStore chats = Sqlite.open(path); Connection connection = dataSource.getConnection();
             PreparedStatement latest = connection.prepareStatement(LATEST)) {
            for (int pair = 0; pair < pairs; pair++) {
                long start = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    latest.setLong(1, BigFile.FIRST_CHAT - i % 200);
                    latest.setInt(2, 50);
                    try (ResultSet rows = latest.executeQuery()) {
                        while (rows.next()) {
                            sink += rows.getLong(1) + rows.getLong(4) + rows.getLong(6);
                            for (int column : new int[] {2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 14}) {
                                String text = rows.getString(column);
                                sink += text == null ? 0 : text.length();
                            }
                        }
                    }
                }
                long middle = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    sink += chats.getChatMessages(BigFile.FIRST_CHAT - i % 200, LATEST_50).size();
                }
                long end = System.nanoTime();
                if (pair >= pairs / 5) { // the first fifth warms up
                    raw.add((middle - start) / 1e3 / calls);
                    store.add((end - middle) / 1e3 / calls);
                    speed.add((double) (middle - start) / (end - middle));
                }
            }
        }
        Collections.sort(raw);
        Collections.sort(store);
        Collections.sort(speed);
        System.out.printf("%d pairs of %d calls: median raw (same 14 columns) %.1f us/call, store %.1f us/call; "
                        + "store speed / raw speed per pair: median %.2f (p25 %.2f, p75 %.2f); load before %s, "
                        + "after %s (checksum %d)%n", speed.size(), calls, median(raw), median(store), median(speed),
                speed.get(speed.size() / 4), speed.get(3 * speed.size() / 4), before,
                Files.readString(Path.of("/proc/loadavg")).trim(), sink);
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }
}
