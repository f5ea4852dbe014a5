package dev.chatstore.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

/**
 * The same-rows floor of an ingest (issue 19): plain sqlite-jdbc on one connection, WAL and
 * {@code synchronous = NORMAL}, 500 updates per transaction, writing per text message what Chatstore's ingest
 * writes: the chat's {@code chat_info} row and the member's {@code chat_users} row the first time each is seen, the
 * message, the member's message counter and the chat's and member's daily statistics. It parses the same JSONL with
 * Jackson inside the timed loop. No pool, no layers, no per-batch aggregation.
 *
 * <p>{@code java -cp benchmarks.jar dev.chatstore.benchmarks.IngestFloor DB UPDATES.jsonl [--cache-size KIB]
 * [--mmap-size BYTES] [--indexes all|original]}; DB must exist with Chatstore's schema (a copy of an empty migrated
 * file). Prints one JSON line: {@link IngestClock}.
 */
final class IngestFloor {
    static final int BATCH = 500;
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd 00:00:00")
            .withZone(ZoneOffset.UTC);

    private IngestFloor() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        Options options = Options.parse(args);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        if (options.cacheSizeKib() != 0) {
            config.setCacheSize((int) -options.cacheSizeKib());
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + options.database());
        ObjectMapper json = new ObjectMapper();
        IngestClock clock = new IngestClock("floor", options.segment());
        try (Connection db = dataSource.getConnection()) {
            try (Statement statement = db.createStatement()) {
                if (options.mmapSize() > 0) {
                    statement.execute("PRAGMA mmap_size = " + options.mmapSize());
                }
                if (options.originalIndexes()) {
                    IndexSets.dropChatstoreIndexes(db);
                }
            }
            Statements sql = new Statements(db);
            Set<Long> chats = new HashSet<>();
            Set<Member> members = new HashSet<>();
            long count = 0;
            db.setAutoCommit(false);
            clock.start();
            try (BufferedReader in = Files.newBufferedReader(options.updates(), StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode message = json.readTree(line).path("message");
                    sql.store(message, chats, members);
                    if (++count % BATCH == 0) {
                        db.commit();
                        clock.progress(count);
                    }
                }
            }
            db.commit();
            clock.progress(count);
        }
        System.out.println(clock.summary());
    }

    private record Member(long chatId, long userId) {
    }

    /** The prepared statements, bound from one message node. */
    private static final class Statements {
        private final PreparedStatement chat;
        private final PreparedStatement member;
        private final PreparedStatement message;
        private final PreparedStatement counter;
        private final PreparedStatement chatDay;
        private final PreparedStatement memberDay;

        Statements(Connection db) throws SQLException {
            chat = db.prepareStatement("INSERT INTO chat_info (chat_id, type, title, username, is_forum, created_at, "
                    + "updated_at) VALUES (?, ?, ?, NULL, 0, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET "
                    + "type = excluded.type, title = excluded.title, updated_at = excluded.updated_at");
            member = db.prepareStatement("INSERT INTO chat_users (chat_id, user_id, username, full_name, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, user_id) DO UPDATE SET "
                    + "username = excluded.username, full_name = excluded.full_name, updated_at = excluded.updated_at");
            message = db.prepareStatement("INSERT INTO chat_messages (chat_id, message_id, date, user_id, reply_id, "
                    + "thread_id, root_message_id, message_text, message_type, message_category, quote_text, media_id, "
                    + "created_at) VALUES (?, ?, ?, ?, NULL, 0, ?, ?, 'text', 'user', NULL, NULL, ?) "
                    + "ON CONFLICT (chat_id, message_id) DO NOTHING");
            counter = db.prepareStatement("UPDATE chat_users SET messages_count = messages_count + 1 "
                    + "WHERE chat_id = ? AND user_id = ?");
            chatDay = db.prepareStatement("INSERT INTO chat_stats (chat_id, date, messages_count, created_at, "
                    + "updated_at) VALUES (?, ?, 1, ?, ?) ON CONFLICT (chat_id, date) DO UPDATE SET "
                    + "messages_count = messages_count + 1, updated_at = excluded.updated_at");
            memberDay = db.prepareStatement("INSERT INTO chat_user_stats (chat_id, user_id, date, messages_count, "
                    + "created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (chat_id, user_id, date) DO "
                    + "UPDATE SET messages_count = messages_count + 1, updated_at = excluded.updated_at");
        }

        void store(JsonNode m, Set<Long> chats, Set<Member> members) throws SQLException {
            long chatId = m.path("chat").path("id").asLong();
            JsonNode from = m.path("from");
            long userId = from.path("id").asLong();
            String messageId = m.path("message_id").asText();
            Instant date = Instant.ofEpochSecond(m.path("date").asLong());
            String now = TEXT.format(Instant.now());
            if (chats.add(chatId)) {
                bind(chat, chatId, m.path("chat").path("type").asText(), m.path("chat").path("title").asText(),
                        now, now);
                chat.executeUpdate();
            }
            if (members.add(new Member(chatId, userId))) {
                String fullName = (from.path("first_name").asText() + " " + from.path("last_name").asText("")).trim();
                bind(member, chatId, userId, "@" + from.path("username").asText(), fullName, now, now);
                member.executeUpdate();
            }
            bind(message, chatId, messageId, TEXT.format(date), userId, messageId, m.path("text").asText(), now);
            message.executeUpdate();
            bind(counter, chatId, userId);
            counter.executeUpdate();
            String day = DAY.format(date);
            bind(chatDay, chatId, day, now, now);
            chatDay.executeUpdate();
            bind(memberDay, chatId, userId, day, now, now);
            memberDay.executeUpdate();
        }

        private static void bind(PreparedStatement statement, Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    private record Options(Path database, Path updates, long cacheSizeKib, long mmapSize, boolean originalIndexes,
                           long segment) {
        static Options parse(String[] args) {
            if (args.length < 2) {
                System.err.println("usage: IngestFloor DB UPDATES.jsonl [--cache-size KIB] [--mmap-size BYTES] "
                        + "[--indexes all|original] [--segment N]");
                System.exit(2);
            }
            long cache = 0;
            long mmap = 0;
            boolean original = false;
            long segment = 100_000;
            for (int i = 2; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--cache-size" -> cache = Long.parseLong(args[i + 1]);
                    case "--mmap-size" -> mmap = Long.parseLong(args[i + 1]);
                    case "--indexes" -> original = args[i + 1].equals("original");
                    case "--segment" -> segment = Long.parseLong(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(Path.of(args[0]), Path.of(args[1]), cache, mmap, original, segment);
        }
    }
}
