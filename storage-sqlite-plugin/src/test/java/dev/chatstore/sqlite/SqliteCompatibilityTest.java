package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.MediaStatus;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StoreAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.chatstore.sqlite.SqliteTestFiles.GROUP;
import static dev.chatstore.sqlite.SqliteTestFiles.ORIGINAL_SUMMARY;
import static dev.chatstore.sqlite.SqliteTestFiles.count;
import static dev.chatstore.sqlite.SqliteTestFiles.originalLevel6;
import static dev.chatstore.sqlite.SqliteTestFiles.readonly;
import static dev.chatstore.sqlite.SqliteTestFiles.rowCounts;
import static dev.chatstore.sqlite.SqliteTestFiles.sha256;
import static dev.chatstore.sqlite.SqliteTestFiles.text;
import static dev.chatstore.sqlite.SqliteTestFiles.writable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files of the original bot: read as they are, migrated without loss, refused when they are another schema. */
class SqliteCompatibilityTest {
    private static final List<String> ORIGINAL_TABLES = List.of("settings", "chat_messages", "chat_settings",
            "chat_users", "chat_info", "chat_stats", "chat_user_stats", "media_attachments", "delayed_tasks",
            "user_data", "spam_messages", "ham_messages", "chat_topics", "chat_summarization_cache", "bayes_tokens",
            "bayes_classes", "cache_weather", "cache_storage");

    private final SqliteStoreProvider provider = new SqliteStoreProvider();

    @TempDir
    Path dir;

    @Test
    void anOriginalLevel6FileIsReadAsItIsWhenReadonly() throws Exception {
        Path file = originalLevel6(dir.resolve("original.db"));
        String fingerprint = sha256(file);

        try (ChatStore store = provider.open(readonly("archive", file))) {
            assertOriginalRowsReadCorrectly(store);
            assertThat(((StoreAdmin) store).status().schemaVersion()).isEqualTo("6");
            assertThat(((StoreAdmin) store).migrate()).isEqualTo(new MigrationResult("archive", "6", "6", false));
        }
        assertThat(sha256(file)).as("a readonly file is never written").isEqualTo(fingerprint);
        assertThat(count(file, "SELECT count(*) FROM sqlite_master WHERE name = 'chatstore_schema_history'")).isZero();
    }

    @Test
    void anOriginalLevel6FileGetsOurAdditionsWhenWritableWithoutLosingARow() throws Exception {
        Path file = originalLevel6(dir.resolve("original.db"));
        String before = rowCounts(file, ORIGINAL_TABLES);

        try (ChatStore store = provider.open(writable("primary", file))) {
            assertThat(rowCounts(file, ORIGINAL_TABLES)).isEqualTo(before);
            assertOriginalRowsReadCorrectly(store);
            assertThat(((StoreAdmin) store).migrate()).isEqualTo(
                    new MigrationResult("primary", "6", "6+chatstore-" + SqliteSchema.CHATSTORE_LEVEL, true));
            assertThat(store.getSetting("db-migration-version")).as("the original still recognises the file")
                    .hasValue("6");
            assertThat(store.getSetting("db-migration-last-run")).get().asString().isNotEqualTo("2024-01-10 08:00:00");

            store.updateChatUser(GROUP, 1001, "@alice", "Alice Liddell");
            store.addChatMessage(ChatMessage.builder(GROUP, "104", 1001, Instant.parse("2024-02-02T12:34:56Z"))
                    .text("Written by Chatstore").build());
        }
        assertThat(count(file, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                + "AND name = 'chatstore_chat_messages_chat_date_user'")).isOne();
        assertThat(count(file, "SELECT count(*) FROM chatstore_schema_history WHERE success = 1"))
                .as("the baseline and each later step").isEqualTo(SqliteSchema.CHATSTORE_LEVEL);
        // Rows we write look like the original's: text ids, UTC text dates, 0/1 booleans, counters bumped.
        assertThat(text(file, "SELECT typeof(message_id) || ' ' || date || ' ' || message_category FROM chat_messages "
                + "WHERE message_id = '104'")).isEqualTo("text 2024-02-02 12:34:56 user");
        assertThat(text(file, "SELECT messages_count || ' ' || is_spammer FROM chat_users WHERE user_id = 1001"))
                .isEqualTo("3 0");
        assertThat(text(file, "SELECT messages_count FROM chat_stats WHERE date = '2024-02-02 00:00:00'"))
                .isEqualTo("1");
        assertThat(text(file, "SELECT created_at FROM chat_users WHERE user_id = 1001"))
                .as("created_at kept").isEqualTo("2024-01-10 08:00:00");
        assertThat(text(file, "SELECT updated_at FROM chat_users WHERE user_id = 1001"))
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

        try (ChatStore again = provider.open(readonly("archive", file))) {
            assertThat(((StoreAdmin) again).status().schemaVersion())
                    .isEqualTo("6+chatstore-" + SqliteSchema.CHATSTORE_LEVEL);
            assertThat(again.getChatMessages(GROUP, MessageQuery.latest(1))).singleElement()
                    .extracting(ChatMessage::text, ChatMessage::username).containsExactly("Written by Chatstore", "@alice");
        }
    }

    private static void assertOriginalRowsReadCorrectly(ChatStore store) {
        assertThat(store.getChatMessages(GROUP, MessageQuery.all())).extracting(ChatMessage::messageId)
                .containsExactly("103", "102", "101", "100");
        ChatMessage photo = store.getChatMessage(GROUP, "101").orElseThrow();
        assertThat(photo).isEqualTo(ChatMessage.builder(GROUP, "101", 1001, Instant.parse("2024-02-01T09:30:00Z"))
                .replyId("100").threadId(5).rootMessageId("100").text("A photo").type(MessageType.IMAGE)
                .category(MessageCategory.USER_COMMAND).quoteText("Hello").mediaId("AQADphoto")
                .author("@alice", "Alice Liddell").build());
        assertThat(store.getChatMessage(GROUP, "103")).get().as("no chat_users row: still returned, empty author")
                .extracting(ChatMessage::username, ChatMessage::fullName).containsExactly("", "");
        assertThat(store.getChatMessagesByRootId(GROUP, "100", 5L)).extracting(ChatMessage::messageId)
                .containsExactly("101");
        assertThat(store.getChatMessagesByUser(GROUP, 1001, 10)).hasSize(2);

        ChatUser alice = store.getChatUser(GROUP, 1001).orElseThrow();
        assertThat(alice).isEqualTo(new ChatUser(GROUP, 1001, "@alice", "Alice Liddell", "Europe/London", 2,
                Instant.parse("2024-01-10T08:00:00Z"), Instant.parse("2024-02-01T09:30:00Z"), false,
                "{\"lang\":\"en\"}"));
        assertThat(store.getChatUser(GROUP, 7_000_000_001L)).get().extracting(ChatUser::isSpammer).isEqualTo(true);
        assertThat(store.getChatUserByUsername(GROUP, "@spammer")).isPresent();
        assertThat(store.getChatUsers(GROUP, 10, null)).extracting(ChatUser::userId)
                .containsExactly(1001L, 7_000_000_001L);

        assertThat(store.getChatInfo(GROUP)).hasValue(new ChatInfo(GROUP, ChatType.SUPERGROUP, "Original group",
                "OriginalGroup", true, Instant.parse("2024-01-10T08:00:00Z"), Instant.parse("2024-02-01T09:30:00Z")));
        assertThat(store.getAllGroupChats()).extracting(ChatInfo::chatId).containsExactly(GROUP);
        assertThat(store.getUserChats(1001)).extracting(ChatInfo::chatId).containsExactly(GROUP);
        assertThat(store.findChatsByUsername("originalgroup")).hasSize(1);

        assertThat(store.getSettings()).containsEntry("db-migration-version", "6").containsEntry("bot-owner", "alice");
        assertThat(store.getChatSettings(GROUP)).containsExactlyEntriesOf(java.util.Map.of("language", "en"));
        assertThat(store.listChatsBySetting("language")).containsExactlyEntriesOf(java.util.Map.of(GROUP, "en"));
        assertThat(store.getUserData(1001, GROUP)).containsEntry("nickname", "Al");
        assertThat(store.getChatTopics(GROUP)).extracting(ChatTopic::topicId, ChatTopic::name, ChatTopic::iconColor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, "Photos", 7322096),
                        org.assertj.core.groups.Tuple.tuple(6L, ChatTopic.DEFAULT_NAME, null));
        assertThat(store.getChatSummarization(ORIGINAL_SUMMARY)).get()
                .extracting(s -> s.summary()).isEqualTo("People said hello.");
        assertThat(store.getMediaAttachment("AQADphoto")).get()
                .extracting(m -> m.status(), m -> m.fileSize(), m -> m.mediaType(), m -> m.updatedAt())
                .containsExactly(MediaStatus.DONE, 48213L, MessageType.IMAGE, Instant.parse("2024-02-01T09:31:00Z"));
        assertThat(store.getPendingDelayedTasks()).singleElement()
                .extracting(t -> t.id(), t -> t.delayedTs()).containsExactly("task-1", Instant.ofEpochSecond(1706781600));
        assertThat(store.getSpamMessagesByUserId(GROUP, 7_000_000_001L)).singleElement()
                .extracting(s -> s.score()).isEqualTo(0.97);
        assertThat(store.getSpamMessagesByText("Buy followers")).hasSize(1);
        assertThat(store.getCacheEntry(dev.chatstore.storage.spi.CacheType.WEATHER, "london", null)).isPresent();
        assertThat(store.getCacheStorage()).singleElement().extracting(e -> e.value()).isEqualTo("51.5,-0.12");
    }

    @Test
    void aFreshFileIsCreatedAtTheNewestLevelAndReopensWithoutChange() throws Exception {
        Path file = dir.resolve("sub/folder/fresh.db");
        try (ChatStore store = provider.open(writable("fresh", file))) {
            assertThat(((StoreAdmin) store).migrate())
                    .isEqualTo(new MigrationResult("fresh", "empty", "6+chatstore-" + SqliteSchema.CHATSTORE_LEVEL, true));
            assertThat(store.getSettings()).containsEntry("db-migration-version", "6")
                    .containsKey("db-migration-last-run");
        }
        try (ChatStore store = provider.open(writable("fresh", file))) {
            assertThat(((StoreAdmin) store).migrate())
                    .isEqualTo(new MigrationResult("fresh", "6+chatstore-" + SqliteSchema.CHATSTORE_LEVEL,
                            "6+chatstore-" + SqliteSchema.CHATSTORE_LEVEL, false));
        }
    }

    @Test
    void aFileOfALaterOriginalReleaseIsRefusedNamingSourcePathAndLevels() throws Exception {
        Path file = originalLevel6(dir.resolve("later.db"));
        SqliteTestFiles.execute(file, "UPDATE settings SET value = '7' WHERE key = 'db-migration-version';");
        String fingerprint = sha256(file);

        for (boolean readonly : new boolean[] {false, true}) {
            assertThatThrownBy(() -> provider.open(writable("later", file).withReadonly(readonly)))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("'later'").hasMessageContaining(file.toAbsolutePath().toString())
                    .hasMessageContaining("schema level 7").hasMessageContaining("original level 6")
                    .hasMessageContaining("later release of the original bot");
        }
        assertThat(sha256(file)).as("a refused file is not touched").isEqualTo(fingerprint);
    }

    @Test
    void aMissingReadonlyFileIsUnavailableWithItsAbsolutePathAndIsNotCreated() {
        Path missing = dir.resolve("nowhere/archive.db");

        assertThatThrownBy(() -> provider.open(readonly("archive", missing)))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.sourceName()).isEqualTo("archive"))
                .hasMessageContaining("'archive'").hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void aFileThatIsNotSqliteOrIsCutShortFailsAtOpenNamingSourceAndPath() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.db"), "this is a text file, not a database\n".repeat(50));
        assertThatThrownBy(() -> provider.open(writable("junk", garbage)))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("'junk'")
                .hasMessageContaining(garbage.toString()).hasMessageContaining("not a SQLite database");

        Path whole = originalLevel6(dir.resolve("whole.db"));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.db"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> provider.open(readonly("cut", truncated)))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("'cut'")
                .hasMessageContaining(truncated.toString()).hasMessageContaining("truncated");
        Path header = Files.write(dir.resolve("header.db"), java.util.Arrays.copyOf(bytes, 40));
        assertThatThrownBy(() -> provider.open(writable("short", header)))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("truncated");
    }

    @Test
    void aFileWithTablesButNoVersionRowIsRefused() throws Exception {
        Path file = dir.resolve("foreign.db");
        SqliteTestFiles.execute(file, "CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL);");

        assertThatThrownBy(() -> provider.open(writable("foreign", file)))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("'foreign'")
                .hasMessageContaining(file.toString()).hasMessageContaining("no settings row 'db-migration-version'");
        assertThat(count(file, "SELECT count(*) FROM sqlite_master")).as("nothing was added").isOne();
    }

    @Test
    void aFileWithChatstoreAdditionsNewerThanThisBuildIsRefused() throws Exception {
        Path file = dir.resolve("future.db");
        try (ChatStore store = provider.open(writable("future", file))) {
            ((StoreAdmin) store).migrate();
        }
        SqliteTestFiles.execute(file, "INSERT INTO chatstore_schema_history (installed_rank, version, description, "
                + "type, script, checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', "
                + "'V99__future.sql', 0, 'test', 0, 1);");

        for (boolean readonly : new boolean[] {false, true}) {
            assertThatThrownBy(() -> provider.open(writable("future", file).withReadonly(readonly)))
                    .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("6+chatstore-99")
                    .hasMessageContaining("newer than this build");
        }
    }

    @Test
    void anOlderOriginalLevelIsBroughtToLevel6WhenWritableAndRefusedWhenReadonly() throws Exception {
        Path file = dir.resolve("level4.db");
        SqliteTestFiles.execute(file, """
                CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
                CREATE TABLE chat_messages (chat_id INTEGER NOT NULL, message_id TEXT NOT NULL, date TIMESTAMP NOT NULL, user_id INTEGER NOT NULL, reply_id TEXT, thread_id INTEGER NOT NULL DEFAULT 0, message_text TEXT NOT NULL, message_type TEXT NOT NULL DEFAULT 'text', created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (chat_id, message_id));
                CREATE TABLE chat_users (chat_id INTEGER NOT NULL, user_id INTEGER NOT NULL, username TEXT NOT NULL, full_name TEXT NOT NULL, timezone TEXT, messages_count INTEGER NOT NULL DEFAULT 0, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (chat_id, user_id));
                INSERT INTO settings (key, value) VALUES ('db-migration-version', '4');
                INSERT INTO chat_users (chat_id, user_id, username, full_name, messages_count, created_at) VALUES (-100, 1, '@old', 'Old Timer', 7, '2023-05-01 10:00:00');
                INSERT INTO chat_messages (chat_id, message_id, date, user_id, message_text) VALUES (-100, '1', '2023-05-01 10:00:00', 1, 'from level 4');
                """);

        assertThatThrownBy(() -> provider.open(readonly("old", file)))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("schema level 4")
                .hasMessageContaining("never migrated");

        try (ChatStore store = provider.open(writable("old", file))) {
            assertThat(((StoreAdmin) store).status().schemaVersion()).as("not migrated at open").isEqualTo("4");
            ((StoreAdmin) store).migrate();
            assertThat(((StoreAdmin) store).status().schemaVersion())
                    .isEqualTo("6+chatstore-" + SqliteSchema.CHATSTORE_LEVEL);
            assertThat(store.getChatMessage(-100, "1")).get()
                    .extracting(ChatMessage::text, ChatMessage::category, ChatMessage::username)
                    .containsExactly("from level 4", MessageCategory.USER, "@old");
            assertThat(store.getChatUser(-100, 1)).get()
                    .extracting(ChatUser::messagesCount, ChatUser::metadata, ChatUser::isSpammer, ChatUser::createdAt)
                    .containsExactly(7L, "", false, Instant.parse("2023-05-01T10:00:00Z"));
            store.updateChatTopicInfo(-100, 1, null, null, null);
            assertThat(store.getChatTopics(-100)).hasSize(1);
        }
        assertThat(text(file, "SELECT value FROM settings WHERE key = 'db-migration-version'")).isEqualTo("6");
    }

    @Test
    void anEmptyReadonlyFileIsRefused() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertThatThrownBy(() -> provider.open(readonly("blank", empty)))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("holds no table");
        assertThat(Files.size(empty)).isZero();
    }
}
