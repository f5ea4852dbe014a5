package dev.chatstore.benchmarks;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 18's read target: latest 50 of a chat on a 50,000-message file (100 chats, 500 members, one second apart)
 * with this build's indexes, against the same query on a copy holding only the original bot's indexes. Both run
 * the store's own statement (the {@code LEFT JOIN} on {@code chat_users}, newest first) on one raw connection,
 * alternating rounds; the store's own call is timed too.
 *
 * <p>{@code java -cp benchmarks.jar dev.chatstore.benchmarks.Latest50Check [rounds]}
 */
final class Latest50Check {
    private static final String LATEST = "SELECT m.chat_id, m.message_id, m.date, m.user_id, m.reply_id, m.thread_id, "
            + "m.root_message_id, m.message_text, m.message_type, m.message_category, m.quote_text, m.media_id, "
            + "u.username, u.full_name FROM chat_messages m LEFT JOIN chat_users u ON u.chat_id = m.chat_id AND "
            + "u.user_id = m.user_id WHERE m.chat_id = ? ORDER BY m.date DESC, m.rowid DESC LIMIT 50";
    private static final int CHATS = 100;
    private static final int CALLS = 2_000;

    private Latest50Check() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        try (TempFolder folder = TempFolder.create("latest50")) {
            String budget = folder.file("budget.db");
            try (ChatStore store = Sqlite.open(budget)) {
                List<ChatMessage> batch = new ArrayList<>();
                for (int i = 0; i < 50_000; i++) {
                    int chat = i % CHATS;
                    long user = 1_000 + (i * 7L) % 500;
                    if (i < 500) {
                        store.updateChatUser(-100 - chat, user, "@u" + user, "User " + user);
                    }
                    batch.add(ChatMessage.builder(-100 - chat, String.valueOf(i), user,
                            Instant.ofEpochSecond(1_700_000_000L + i)).rootMessageId(String.valueOf(i))
                            .text("message number " + i + " of the read check").build());
                    if (batch.size() == 500) {
                        store.addChatMessages(batch);
                        batch.clear();
                    }
                }
            }
            String original = folder.file("original.db");
            Files.copy(Path.of(budget), Path.of(original), StandardCopyOption.REPLACE_EXISTING);
            try (Connection db = connect(original)) {
                IndexSets.dropChatstoreIndexes(db);
            }
            System.out.println("Load average before: " + Files.readString(Path.of("/proc/loadavg")).trim());
            try (Connection withBudget = connect(budget); Connection withOriginal = connect(original);
                 ChatStore store = Sqlite.open(budget)) {
                for (int round = 1; round <= rounds; round++) {
                    double b = perSecond(withBudget);
                    double o = perSecond(withOriginal);
                    long started = System.nanoTime();
                    for (int i = 0; i < CALLS; i++) {
                        store.getChatMessages(-100 - (i % CHATS), MessageQuery.latest(50));
                    }
                    double s = CALLS / ((System.nanoTime() - started) / 1e9);
                    System.out.printf(Locale.ROOT, "round %d: this build's indexes %.0f calls/s, original's indexes "
                            + "%.0f calls/s, ratio %.1fx; through the store %.0f calls/s (%.1fx)%n", round, b, o, b / o,
                            s, s / o);
                }
            }
        }
    }

    private static double perSecond(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(LATEST)) {
            long started = System.nanoTime();
            long rows = 0;
            for (int i = 0; i < CALLS; i++) {
                query.setLong(1, -100 - (i % CHATS));
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows += result.getString(8).length();
                    }
                }
            }
            if (rows == 0) {
                throw new IllegalStateException("no rows read");
            }
            return CALLS / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static Connection connect(String path) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + path);
        return dataSource.getConnection();
    }
}
