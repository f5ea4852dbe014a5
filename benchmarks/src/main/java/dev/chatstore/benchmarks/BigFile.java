package dev.chatstore.benchmarks;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a big SQLite file in Chatstore's schema without going through the store: an empty file migrated by this
 * build, then every table filled by {@code INSERT ... SELECT} from a recursive CTE, a million messages per
 * statement, with the journal off (a generator's crash just means generating again). Issue 19's 10M harness
 * ({@code benchmarks/big-file.sh}) reads it against a 100k file of the same shape.
 *
 * <p>The shape is {@link ManyMemberUpdates}' (the many-member ingest), in the order an ingest would have written it:
 * message n (from 0) goes to chat {@code n % chats}, one second after message n-1, from one of the chat's
 * {@code members} members; so a chat's rows are spread over the whole table as they are in a real file, not packed
 * together. Every tenth message of a chat replies to the one before it (whose root is itself), so the partial
 * replies index holds 10% of the rows. {@code chat_users}, {@code chat_stats} and {@code chat_user_stats} hold the
 * counts the messages imply, as an ingest would have left them.
 *
 * <p>{@code java -cp benchmarks.jar dev.chatstore.benchmarks.BigFile OUT.db MESSAGES [CHATS [USERS [MEMBERS]]]};
 * defaults 200 chats, 2,000 users, 50 members per chat. OUT.db must not exist.
 */
final class BigFile {
    static final long FIRST_CHAT = -1001000000001L;
    static final long FIRST_USER = 500000000L;
    static final long START_EPOCH = 1735689600L; // 2025-01-01T00:00:00Z, as ManyMemberUpdates
    private static final long CHUNK = 1_000_000;
    private static final String WORDS = "green production virtual to deploy thanks tried virtual yesterday has "
            + "lunch meeting server review release notes coffee build merge branch hello world again later";

    private BigFile() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 2) {
            System.err.println("usage: BigFile OUT.db MESSAGES [CHATS [USERS [MEMBERS]]]");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        long messages = Long.parseLong(args[1].replace("_", ""));
        int chats = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int users = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int members = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists: remove it first");
        }
        long started = System.nanoTime();
        Sqlite.create(out.toString());
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.OFF);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        config.setCacheSize(-512 * 1024);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + out);
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            // A member of chat c: user (c * members + slot) % users, slot 0..members-1 (distinct while members <=
            // users). The sender of message q of chat c: slot (q * 7919 + c * 31) % members.
            String member = "(" + FIRST_USER + " + ((c * " + members + " + s) % " + users + "))";
            statement.executeUpdate("INSERT INTO chat_info (chat_id, title, username, type, is_forum, created_at, "
                    + "updated_at) WITH RECURSIVE k(c) AS (SELECT 0 UNION ALL SELECT c + 1 FROM k WHERE c + 1 < "
                    + chats + ") SELECT " + FIRST_CHAT + " - c, 'Group ' || (c + 1), NULL, 'supergroup', 0, "
                    + startText() + ", " + startText() + " FROM k");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO chat_messages (chat_id, message_id, "
                    + "date, user_id, reply_id, thread_id, root_message_id, message_text, message_type, "
                    + "message_category, quote_text, media_id, created_at) "
                    + "WITH RECURSIVE k(n) AS (SELECT ?1 UNION ALL SELECT n + 1 FROM k WHERE n + 1 < ?2), "
                    + "m(n, c, q, s, d) AS (SELECT n, n % " + chats + ", n / " + chats + ", ((n / " + chats + ") * 7919 + (n % " + chats + ") * 31) % " + members
                    + ", datetime(" + START_EPOCH + " + n, 'unixepoch') FROM k) "
                    + "SELECT " + FIRST_CHAT + " - c, CAST(q + 1 AS TEXT), d, " + member + ", "
                    + "CASE WHEN q % 10 = 5 THEN CAST(q AS TEXT) END, 0, "
                    + "CASE WHEN q % 10 = 5 THEN CAST(q AS TEXT) ELSE CAST(q + 1 AS TEXT) END, "
                    + "substr('" + WORDS + "', 1 + (n * 13) % 60, 12 + (n * 7) % 40), 'text', 'user', NULL, NULL, d "
                    + "FROM m")) {
                for (long from = 0; from < messages; from += CHUNK) {
                    insert.setLong(1, from);
                    insert.setLong(2, Math.min(messages, from + CHUNK));
                    insert.executeUpdate();
                    db.commit();
                    System.err.printf("%,d of %,d messages (%.0f s)%n", Math.min(messages, from + CHUNK), messages,
                            (System.nanoTime() - started) / 1e9);
                }
            }
            statement.executeUpdate("INSERT INTO chat_users (chat_id, user_id, username, full_name, messages_count, "
                    + "created_at, updated_at) SELECT chat_id, user_id, '@user_' || user_id, 'User ' || user_id, "
                    + "count(*), min(date), max(date) FROM chat_messages GROUP BY chat_id, user_id");
            statement.executeUpdate("INSERT INTO chat_stats (chat_id, date, messages_count, created_at, updated_at) "
                    + "SELECT chat_id, substr(date, 1, 10) || ' 00:00:00', count(*), min(date), max(date) "
                    + "FROM chat_messages GROUP BY 1, 2");
            statement.executeUpdate("INSERT INTO chat_user_stats (chat_id, user_id, date, messages_count, "
                    + "created_at, updated_at) SELECT chat_id, user_id, substr(date, 1, 10) || ' 00:00:00', "
                    + "count(*), min(date), max(date) FROM chat_messages GROUP BY 1, 2, 3");
            db.commit();
            db.setAutoCommit(true);
            statement.execute("PRAGMA analysis_limit = 1000");
            statement.execute("ANALYZE");
            statement.execute("PRAGMA journal_mode = WAL");
        }
        System.err.printf("wrote %,d messages in %d chats to %s in %.0f s (%,d bytes)%n", messages, chats, out,
                (System.nanoTime() - started) / 1e9, out.toFile().length());
    }

    private static String startText() {
        return "datetime(" + START_EPOCH + ", 'unixepoch')";
    }
}
