package dev.chatstore.reliability;

import dev.chatstore.host.telegram.IngestListener;
import dev.chatstore.host.telegram.IngestSummary;
import dev.chatstore.host.telegram.UpdateIngester;
import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.Storages;
import dev.chatstore.storage.spi.CacheType;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Item 5: hostile text through the routing facade into SQLite, and hostile Telegram input through
 * {@link UpdateIngester} into SQLite. Every value is either stored and read back verbatim, or refused with an error
 * that names source, path, operation and reason, with nothing stored; a refused or malformed update never costs the
 * other updates of the same ingest.
 *
 * <p>Lone surrogates: UTF-16 text with an unpaired surrogate has no UTF-8 form, and SQLite stores UTF-8, so it
 * cannot round-trip. sqlite-jdbc used to store {@code '?'} in its place, silently; the plugin now refuses such text
 * (a {@link StorageException}, nothing stored), and the Telegram mapper reports such an update as malformed, naming
 * the field.
 */
class HostileDataTest {
    static final long CHAT = -1001234567890L;
    static final String MEGABYTE = "x".repeat(1 << 20);
    static final List<String> VERBATIM = List.of(
            "NUL in the middle: a\u0000b", "\u0000", "ends with NUL\u0000", "\u0000\u0000\u0000",
            "'); DROP TABLE chat_messages; --", "Robert\"); DELETE FROM chat_users WHERE 1=1; /* ' \" ` \\ */",
            "100% off_now \\% \\_ [a-z]* ? {json: \"yes\"} $1 ?1 :name @p",
            "emoji 😀 👨‍👩‍👧‍👦 🇺🇦 🏳️‍🌈 ✊🏿 keycap 1️⃣",
            "שלום עולם — مرحبا بالعالم \u200F RLM \u202E RLO override \u202C \u2066isolate\u2069 123",
            "combining e\u0301 vs é, Hangul 한국어, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral, \uFEFF BOM, \uFFFF nonchar, \uDBFF\uDFFF max",
            "controls \u0001\u0007\b\t\n\u000B\f\r\u001B[31m ANSI \u007F \u0085 \u2028 \u2029",
            "", " ", MEGABYTE, "😀".repeat(1 << 18));
    static final List<String> LONE_SURROGATES = List.of("lone high \uD800 here", "lone low \uDC00", "\uDBFF",
            "reversed pair \uDC00\uD800", "emoji cut in half \uD83D");

    @TempDir
    Path dir;
    Storage storage;

    @BeforeEach
    void open() {
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("primary", Map.of("path", dir.resolve("bot.db").toString(), "pool-size", 2, "timeout", 10.0));
        storage = Storages.open(Configs.fromMap(Map.of("default", "primary", "sources", sources)),
                List.of(new SqliteStoreProvider()));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void hostileTextIsStoredAndReadBackVerbatimInEveryKindOfField() {
        storage.updateChatInfo(CHAT, ChatType.SUPERGROUP, "chat", "chat", false);
        int n = 0;
        for (String text : VERBATIM) {
            String id = "id " + n + " " + text.substring(0, text.offsetByCodePoints(0, Math.min(text.codePointCount(0,
                    text.length()), 40)));
            storage.updateChatUser(CHAT, n, text, text);
            storage.addChatMessage(ChatMessage.builder(CHAT, id, n, Instant.parse("2024-01-01T00:00:00Z"))
                    .text(text).quoteText(text).build());
            storage.setSetting("key " + n + text, text);
            storage.setChatSetting(CHAT, text + n, text);
            storage.addUserData(n, CHAT, text + n, text);
            storage.setCacheEntry(CacheType.WEATHER, text + n, text);
            storage.setCacheStorage(text, "k" + n, text);
            storage.addSpamMessage(new SpamMessage(CHAT, n, id, text, SpamReason.AUTO, 0.5));
            storage.addMediaAttachment(MediaAttachment.builder("file " + n + text, MessageType.IMAGE)
                    .metadata(text).description(text).build());

            ChatMessage back = storage.getChatMessage(CHAT, id).orElseThrow();
            assertThat(back.text()).as("message text %d", n).isEqualTo(text);
            assertThat(back.quoteText()).isEqualTo(text);
            assertThat(back.username()).isEqualTo(text);
            assertThat(storage.getChatUser(CHAT, n).orElseThrow().fullName()).isEqualTo(text);
            assertThat(storage.getChatUserByUsername(CHAT, text)).isPresent();
            assertThat(storage.getSetting("key " + n + text)).contains(text);
            assertThat(storage.getChatSetting(CHAT, text + n)).contains(text);
            assertThat(storage.getUserData(n, CHAT)).containsEntry(text + n, text);
            assertThat(storage.getCacheEntry(CacheType.WEATHER, text + n, null).orElseThrow().data()).isEqualTo(text);
            assertThat(storage.getSpamMessagesByText(text)).extracting(SpamMessage::text).contains(text);
            assertThat(storage.getMediaAttachment("file " + n + text).orElseThrow().metadata()).isEqualTo(text);
            n++;
        }
        assertThat(storage.getChatMessages(CHAT, MessageQuery.all())).hasSize(VERBATIM.size());
    }

    @Test
    void textWithALoneSurrogateIsRefusedClearlyAndNothingIsStored() {
        storage.addChatMessage(ChatMessage.builder(CHAT, "before", 1, Instant.parse("2024-01-01T00:00:00Z")).build());
        for (String text : LONE_SURROGATES) {
            assertThatThrownBy(() -> storage.addChatMessage(
                    ChatMessage.builder(CHAT, "bad", 1, Instant.parse("2024-01-01T00:00:00Z")).text(text).build()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("'primary'").hasMessageContaining(dir.resolve("bot.db").toString())
                    .hasMessageContaining("addChatMessage").hasMessageContaining("unpaired UTF-16 surrogate");
            // In a batch the whole call is one transaction: the good message next to it is not stored either.
            assertThatThrownBy(() -> storage.addChatMessages(List.of(
                    ChatMessage.builder(CHAT, "good-in-batch", 1, Instant.parse("2024-01-01T00:00:00Z")).build(),
                    ChatMessage.builder(CHAT, "bad-in-batch", 1, Instant.parse("2024-01-01T00:00:00Z")).text(text)
                            .build()))).isInstanceOf(StorageException.class).hasMessageContaining("surrogate");
            assertThatThrownBy(() -> storage.setSetting("k", text)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("setSetting").hasMessageContaining("surrogate");
            assertThatThrownBy(() -> storage.updateChatUser(CHAT, 5, text, "x")).isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> storage.getSetting(text)).isInstanceOf(StorageException.class);
        }
        assertThat(storage.getChatMessages(CHAT, MessageQuery.all())).extracting(ChatMessage::messageId)
                .containsExactly("before");
        assertThat(storage.getSetting("k")).isEmpty();
        assertThat(storage.getChatUser(CHAT, 5)).isEmpty();
        assertThat(storage.getChatMessage(CHAT, "before")).isPresent(); // the source still works
    }

    @Test
    void hostileTelegramInputLosesNothingElseFromTheSameIngest() throws Exception {
        List<String> lines = new ArrayList<>();
        List<String> good = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        // Good updates, interleaved with bad ones so that each bad line has good neighbours in the same batch.
        String[] texts = {"plain", "NUL \\u0000 inside", "emoji 😀 👨‍👩‍👧‍👦", "RTL שלום \\u202E", "'); DROP TABLE x; --",
                "tab\\tnew\\nline", MEGABYTE};
        int id = 1;
        for (String text : texts) {
            lines.add(update(id, CHAT, 5123456789L, "\"" + text + "\""));
            good.add(Integer.toString(id++));
        }
        lines.add(update(id, 9_223_372_036_854_775_807L, 9_223_372_036_854_775_807L, "\"max long ids\""));
        good.add(Integer.toString(id++));
        bad.add("{\"update_id\": 1, \"message\": {\"message_id\": 5, \"chat\": {\"id\": ");         // truncated
        bad.add("not json at all");
        bad.add("{\"update_id\": 2, \"message\": {}} trailing");
        bad.add(update(id++, CHAT, 1, "12345"));                                                   // text: number
        bad.add(update(id++, CHAT, 1, "{\"a\": 1}"));                                              // text: object
        bad.add(update(id++, CHAT, 1, "\"lone \\ud800 surrogate\""));                              // not UTF-16
        bad.add(update(id++, CHAT, 1, "\"\\udc00\""));
        bad.add(update(id++, CHAT, 1, "\"x\"").replace("\"id\": " + CHAT, "\"id\": \"abc\""));     // chat id: text
        bad.add(update(id++, CHAT, 1, "\"x\"").replace("\"id\": " + CHAT, "\"id\": 99999999999999999999"));
        bad.add(update(id++, CHAT, 1, "\"x\"").replace("\"id\": " + CHAT, "\"id\": 1.5"));
        bad.add(update(id++, CHAT, 1, "\"x\"").replace("\"date\": 1718870490", "\"date\": \"yesterday\""));
        bad.add(update(id++, CHAT, 1, "\"x\"").replace("\"date\": 1718870490", "\"date\": 99999999999999999"));
        bad.add(update(id++, CHAT, 1, "\"x\"").replace("\"message_id\": ", "\"message_id\": -"));
        bad.add("{\"update_id\": 3, \"message\": " + "[".repeat(5000) + "]".repeat(5000) + "}");  // deep nesting
        bad.add("[1, 2, 3]");
        bad.add("\"just a string\"");
        bad.add("{\"update_id\": \"seven\", \"message\": {}}");
        List<String> input = new ArrayList<>();
        for (int i = 0; i < Math.max(lines.size(), bad.size()); i++) {
            if (i < lines.size()) {
                input.add(lines.get(i));
            }
            if (i < bad.size()) {
                input.add(bad.get(i));
            }
        }
        List<String> reports = new ArrayList<>();
        IngestListener listener = new IngestListener() {
            @Override
            public void onMalformed(long line, String reason) {
                reports.add("malformed line " + line + ": " + reason);
            }

            @Override
            public void onFailed(long line, String message) {
                reports.add("failed line " + line + ": " + message);
            }

            @Override
            public void onRefused(long chatId, String source, String message) {
                reports.add("refused chat " + chatId + ": " + message);
            }
        };
        UpdateIngester ingester = new UpdateIngester(storage, chat -> storage.route(chat, null).sourceName());
        IngestSummary summary = ingester.ingest(new StringReader("\uFEFF" + String.join("\r\n", input) + "\n\n"), listener);

        long malformedExpected = bad.stream().filter(line -> !line.contains("\"message_id\": -")).count();
        assertThat(summary.failed()).as("failed: %s", reports).isZero();
        assertThat(summary.messagesStored()).as("stored; reports: %s", reports).isEqualTo(good.size()
                + (bad.size() - malformedExpected));
        assertThat(summary.malformed()).as("malformed: %s", reports).isEqualTo(malformedExpected);
        assertThat(reports).allSatisfy(report -> assertThat(report).startsWith("malformed line "));
        assertThat(reports).anySatisfy(report -> assertThat(report).contains("message.text").contains("surrogate"));
        assertThat(reports).anySatisfy(report -> assertThat(report).contains("message.chat.id"));
        for (int i = 0; i < texts.length; i++) {
            String expected = texts[i].replace("\\u0000", "\u0000").replace("\\u202E", "\u202E")
                    .replace("\\t", "\t").replace("\\n", "\n");
            assertThat(storage.getChatMessage(CHAT, good.get(i)).orElseThrow().text()).isEqualTo(expected);
        }
        assertThat(storage.getChatMessage(9_223_372_036_854_775_807L, good.get(texts.length))).isPresent();
        try (Connection connection = TestFiles.connect(dir.resolve("bot.db"), true)) {
            assertThat(TestFiles.column(connection, "PRAGMA integrity_check")).containsExactly("ok");
        }
        // Ingesting the same input again stores nothing twice.
        IngestSummary again = ingester.ingest(new StringReader(String.join("\n", input)), IngestListener.NONE);
        assertThat(again.messagesStored()).isZero();
        assertThat(again.duplicates()).isEqualTo(summary.messagesStored());
    }

    private static String update(int id, long chat, long user, String textJson) {
        return "{\"update_id\": " + (900000 + id) + ", \"message\": {\"message_id\": " + id + ", \"from\": {\"id\": "
                + user + ", \"is_bot\": false, \"first_name\": \"Anna\"}, \"chat\": {\"id\": " + chat
                + ", \"type\": \"supergroup\", \"title\": \"Group\"}, \"date\": 1718870490, \"text\": " + textJson + "}}";
    }
}
