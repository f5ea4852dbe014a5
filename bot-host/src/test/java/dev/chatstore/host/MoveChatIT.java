package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstore.storage.plugins.StoragePlugins;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreProvider;
import dev.chatstore.storage.testkit.SampleChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static dev.chatstore.host.HostProcess.run;
import static dev.chatstore.host.HostProcess.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code move-chat} through the built host jar, between real SQLite files; the files are read in the test through
 * the real plugin zip (PF4J), and every read operation's result for the chat is compared before and after.
 */
class MoveChatIT {
    private static final String CONFIG = """
            # The bot's storage. Comments and order must survive a move.
            [plugins]
            dir = "plugins"

            [database]
            default = "main"   # new chats land here

            [database.sources.main]
            path = "data/main.db"

            [database.sources.other]
            path = "data/other.db"

            [database.sources.archive]
            path = "data/archive.db"
            readonly = true

            [database.chatMapping]
            # pinned chats
            -1009 = "main"   # stays
            """;
    private static final AtomicLong CHATS = new AtomicLong(-1002000000000L);

    @TempDir
    static Path dir;
    private static StoragePlugins plugins;
    private static StoreProvider sqlite;

    @BeforeAll
    static void loadPlugin() {
        HostProcess.installPlugins(dir);
        for (String name : List.of("main", "other", "archive")) {
            run(dir, "--db", "data/" + name + ".db", "--plugins", "plugins", "migrate").exits(0);
        }
        plugins = StoragePlugins.load(dir.resolve("plugins"));
        sqlite = plugins.providers().stream().filter(p -> p.type().equals("sqlite")).findFirst().orElseThrow();
    }

    @AfterAll
    static void unload() {
        plugins.close();
    }

    @BeforeEach
    void freshConfig() {
        write(dir.resolve("bot.toml"), CONFIG);
    }

    private static <T> T withStore(String source, Function<ChatStore, T> work) {
        try (ChatStore store = sqlite.open(SourceConfig.of(source, dir.resolve("data/" + source + ".db").toString()))) {
            return work.apply(store);
        }
    }

    private static long populatedChat(String source, int messages) {
        long chat = CHATS.decrementAndGet();
        withStore(source, store -> {
            SampleChat.populate(store, chat, messages);
            return null;
        });
        return chat;
    }

    private static Map<String, Object> snapshot(String source, long chat) {
        return withStore(source, store -> SampleChat.snapshot(store, chat));
    }

    private static List<Long> chats(String source) {
        return withStore(source, store -> ((ChatTransfer) store).chatIds());
    }

    private static String config() {
        try {
            return Files.readString(dir.resolve("bot.toml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mappedConfig(long chat, String source) {
        return CONFIG.replace("-1009 = \"main\"   # stays\n", "-1009 = \"main\"   # stays\n" + chat + " = \"" + source
                + "\"\n");
    }

    @Test
    void moveBetweenTwoSqliteSourcesKeepsEveryReadOfTheChat() {
        long chat = populatedChat("main", 25);
        long neighbour = populatedChat("main", 4);
        Map<String, Object> before = snapshot("main", chat);
        Map<String, Object> neighbourBefore = snapshot("main", neighbour);

        JsonNode json = run(dir, "--config", "bot.toml", "move-chat", "--chat", Long.toString(chat), "--to", "other",
                "--json").exits(0).json();

        assertThat(json.get("outcome").asText()).isEqualTo("moved");
        assertThat(json.get("steps").findValuesAsText("step")).containsExactly("copy", "verify", "switch", "catch-up", "delete");
        assertThat(json.get("steps").findValuesAsText("status")).containsOnly("done");
        assertThat(json.get("tables")).allSatisfy(table -> assertThat(table.get("equal").asBoolean()).isTrue());
        assertThat(snapshot("other", chat)).isEqualTo(before);
        assertThat(chats("main")).doesNotContain(chat).contains(neighbour);
        assertThat(snapshot("main", neighbour)).isEqualTo(neighbourBefore);
        assertThat(config()).isEqualTo(mappedConfig(chat, "other"));
        assertThat(run(dir, "--config", "bot.toml", "route", "--chat", Long.toString(chat)).exits(0).out())
                .contains("source 'other' (chatMapping)");
        assertThat(MoveJournal.fileFor(dir.resolve("bot.toml"), chat)).doesNotExist();
    }

    @Test
    void archiveIntoAReadonlyConfiguredSourceOpensItWritableForTheMoveOnly() {
        long chat = populatedChat("main", 6);
        Map<String, Object> before = snapshot("main", chat);

        HostProcess.Result result = run(dir, "--config", "bot.toml", "move-chat", "--chat", Long.toString(chat),
                "--to", "archive").exits(0);

        assertThat(result.out()).contains("Target 'archive' is readonly in the config: opened writable for this move "
                + "only").contains("delete: ");
        assertThat(snapshot("archive", chat)).isEqualTo(before);
        assertThat(chats("main")).doesNotContain(chat);
        HostProcess.Result route = run(dir, "--config", "bot.toml", "route", "--chat", Long.toString(chat), "--write");
        assertThat(route.out() + route.err()).contains("archive").containsIgnoringCase("readonly");
    }

    @Test
    void dryRunChangesNothing() {
        long chat = populatedChat("main", 5);
        String mainBefore = HostProcess.sha256(dir.resolve("data/main.db"));

        JsonNode json = run(dir, "--config", "bot.toml", "move-chat", "--chat", Long.toString(chat), "--to", "other",
                "--dry-run", "--json").exits(0).json();

        assertThat(json.get("outcome").asText()).isEqualTo("dry run");
        assertThat(json.get("steps").findValuesAsText("status")).containsOnly("planned");
        assertThat(config()).isEqualTo(CONFIG);
        assertThat(HostProcess.sha256(dir.resolve("data/main.db"))).isEqualTo(mainBefore);
        assertThat(chats("other")).doesNotContain(chat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"copying", "copied", "verified", "switched", "acknowledged", "catching-up", "caught-up",
            "deleted"})
    void killedWithSigkillInAnyPhaseTheRerunCompletesTheMove(String point) throws Exception {
        long chat = populatedChat("main", 30);
        Map<String, Object> before = snapshot("main", chat);
        Path release = dir.resolve("release-" + point);

        HostProcess.Running mover = HostProcess.start(Map.of("CHATSTORE_TEST_PAUSE_AT", point,
                "CHATSTORE_TEST_PAUSE_FILE", release.toString()), dir, "--config", "bot.toml", "move-chat",
                "--chat", Long.toString(chat), "--to", "other", "--batch", "4");
        awaitPaused(mover, point);
        mover.process().destroyForcibly().waitFor();
        if (List.of("copying", "copied", "verified").contains(point)) {
            assertThat(snapshot("main", chat)).as("the source is complete before the switch").isEqualTo(before);
        }

        HostProcess.Result rerun = run(dir, "--config", "bot.toml", "move-chat", "--chat", Long.toString(chat),
                "--to", "other").exits(0);

        assertThat(snapshot("other", chat)).as("after a kill at %s: %s", point, rerun.out()).isEqualTo(before);
        assertThat(chats("main")).doesNotContain(chat);
        assertThat(config()).isEqualTo(mappedConfig(chat, "other"));
        assertThat(MoveJournal.fileFor(dir.resolve("bot.toml"), chat)).doesNotExist();
    }

    @Test
    void aFailedVerificationLeavesTheSourceIntactAndNamesTheTable() throws Exception {
        long chat = populatedChat("main", 8);
        Path release = dir.resolve("release-verify");
        HostProcess.Running mover = HostProcess.start(Map.of("CHATSTORE_TEST_PAUSE_AT", "copied",
                "CHATSTORE_TEST_PAUSE_FILE", release.toString()), dir, "--config", "bot.toml", "move-chat",
                "--chat", Long.toString(chat), "--to", "other");
        awaitPaused(mover, "copied");
        // A write to the source now is the catch-up's (online move); a row the copy did not write is a bad copy.
        withStore("other", store -> {
            store.setChatSetting(chat, "not-from-the-copy", "yes");
            return null;
        });
        Map<String, Object> source = snapshot("main", chat);
        Files.createFile(release);

        HostProcess.Result result = mover.await(HostProcess.TIMEOUT).exits(1);

        assertThat(result.err()).contains("Verification of chat " + chat + " failed: table chat_settings")
                .contains("The source is untouched");
        assertThat(snapshot("main", chat)).isEqualTo(source);
        assertThat(config()).isEqualTo(CONFIG);
    }

    @Test
    void moveChatsMovesTheIdleChatsRoutedToTheSourceOnly() {
        write(dir.resolve("bulk.toml"), """
                [plugins]
                dir = "plugins"

                [database]
                default = "bulk-a"

                [database.sources.bulk-a]
                path = "data/bulk-a.db"

                [database.sources.bulk-b]
                path = "data/bulk-b.db"
                """);
        long idle = populatedChat("bulk-a", 5);
        long alsoIdle = populatedChat("bulk-a", 3);
        long recent = CHATS.decrementAndGet();
        withStore("bulk-a", store -> {
            store.addChatMessage(dev.chatstore.storage.spi.ChatMessage.builder(recent, "1", 1L,
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).text("fresh").build());
            return null;
        });
        Map<String, Object> before = snapshot("bulk-a", idle);

        JsonNode json = run(dir, "--config", "bulk.toml", "move-chats", "--from", "bulk-a", "--to", "bulk-b",
                "--idle-days", "30", "--json").exits(0).json();

        assertThat(json.findValuesAsText("outcome")).containsOnly("moved");
        assertThat(json.findValues("chat").stream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrder(idle, alsoIdle);
        assertThat(chats("bulk-a")).containsExactly(recent);
        assertThat(snapshot("bulk-b", idle)).isEqualTo(before);

        HostProcess.Result all = run(dir, "--config", "bulk.toml", "move-chats", "--from", "bulk-a", "--to", "bulk-b",
                "--all").exits(0);
        assertThat(all.out()).contains("1 of 1 chats moved from 'bulk-a' to 'bulk-b'");
        assertThat(chats("bulk-a")).isEmpty();
    }

    private static void awaitPaused(HostProcess.Running mover, String point) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!mover.stderr().contains("paused at " + point)) {
            assertThat(mover.process().isAlive()).as("mover ended before %s: %s%n%s", point, mover.stdout(),
                    mover.stderr()).isTrue();
            assertThat(System.nanoTime()).as("paused at %s within 60 s", point).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
