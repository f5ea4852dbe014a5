package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstore.storage.plugins.StoragePlugins;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreProvider;
import dev.chatstore.storage.spi.TransferTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.chatstore.host.HostProcess.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code move-chat} while a {@code serve} process receives a steady stream of webhook updates for the chat, both
 * through the built host jar: every update acknowledged with 200 ends up in the target exactly once, the counters
 * a message bumps are exact, and the source no longer holds the chat. The mover is paused after its copy (the test
 * hook) while updates keep arriving, so the source really stores messages the copy did not see, some from members
 * the source first sees then: the catch-up must bring those over.
 */
class OnlineMoveIT {
    private static final long CHAT = -1004000000001L;
    private static final int PRELOADED = 3_000;
    private static final long OLD_MEMBER = 7001L;
    /** Two file sources, main (the default) and other, served with {@link ServeIT#SECRET}. */
    private static final String CONFIG = ServeMappingReloadIT.CONFIG;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyAcknowledgedUpdateIsInTheTargetOnceAndTheCountersAreExact(@TempDir Path dir) throws Exception {
        HostProcess.installPlugins(dir);
        write(dir.resolve("bot.toml"), CONFIG);
        for (String name : List.of("main", "other")) {
            HostProcess.run(dir, "--db", "data/" + name + ".db", "--plugins", "plugins", "migrate").exits(0);
        }
        try (StoragePlugins plugins = StoragePlugins.load(dir.resolve("plugins"))) {
            StoreProvider sqlite = plugins.providers().stream().filter(p -> p.type().equals("sqlite")).findFirst()
                    .orElseThrow();
            Function<String, ChatStore> open = name -> sqlite.open(SourceConfig.of(name,
                    dir.resolve("data/" + name + ".db").toString()));
            try (ChatStore main = open.apply("main")) {
                preload(main);
            }

            HostProcess.Running server = HostProcess.start(dir, "--config", "bot.toml", "serve", "--port", "0");
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean posting = new AtomicBoolean(true);
            Thread poster;
            JsonNode moved;
            try {
                URI base = URI.create("http://127.0.0.1:" + ServeIT.awaitPort(server));
                poster = new Thread(() -> post(base, posting, acknowledged, refused), "poster");
                poster.start();
                awaitCount(acknowledged, 50);

                Path release = dir.resolve("release");
                HostProcess.Running mover = HostProcess.start(Map.of("CHATSTORE_TEST_PAUSE_AT", "copied",
                        "CHATSTORE_TEST_PAUSE_FILE", release.toString()), dir, "--config", "bot.toml", "move-chat",
                        "--chat", Long.toString(CHAT), "--to", "other", "--json");
                awaitStderr(mover, "paused at copied");
                int atCopy = acknowledged.size();
                awaitCount(acknowledged, atCopy + 100);
                Files.createFile(release);
                HostProcess.Result result = mover.await(HostProcess.TIMEOUT).exits(0);
                moved = result.json();
                int atEnd = acknowledged.size();
                awaitCount(acknowledged, atEnd + 50);
            } finally {
                posting.set(false);
            }
            poster.join(30_000);
            server.process().destroy();
            server.await(Duration.ofSeconds(30));

            assertThat(refused.get()).as("updates not acknowledged with 200").isZero();
            assertThat(moved.path("outcome").asText()).isEqualTo("moved");
            JsonNode catchUp = stepNamed(moved, "catch-up");
            assertThat(catchUp.path("detail").asText()).as("the catch-up had messages to replay: %s", catchUp)
                    .doesNotStartWith("no serve").doesNotContain(" 0 messages replayed");

            try (ChatStore main = open.apply("main"); ChatStore other = open.apply("other")) {
                assertThat(((ChatTransfer) main).chatIds()).doesNotContain(CHAT);
                List<ChatMessage> stored = other.getChatMessages(CHAT, MessageQuery.latest(1_000_000));
                Map<String, Long> copies = stored.stream()
                        .collect(Collectors.groupingBy(ChatMessage::messageId, Collectors.counting()));
                assertThat(copies.values()).as("no message stored twice").containsOnly(1L);
                Set<String> expected = new java.util.HashSet<>();
                for (int i = 1; i <= PRELOADED; i++) {
                    expected.add("p" + i);
                }
                acknowledged.forEach(id -> expected.add(Integer.toString(id)));
                assertThat(copies.keySet()).as("every acknowledged update is in the target")
                        .containsExactlyInAnyOrderElementsOf(expected);

                Map<Long, Long> perUser = stored.stream()
                        .collect(Collectors.groupingBy(ChatMessage::userId, Collectors.counting()));
                for (Map.Entry<Long, Long> user : perUser.entrySet()) {
                    ChatUser member = other.getChatUser(CHAT, user.getKey()).orElseThrow();
                    assertThat(member.messagesCount()).as("chat_users.messages_count of %s", user.getKey())
                            .isEqualTo(user.getValue());
                }
                Map<String, Long> counters = counterSums((ChatTransfer) other);
                assertThat(counters.get("chat_stats")).as("chat_stats total").isEqualTo(stored.size());
                assertThat(counters.get("chat_user_stats")).as("chat_user_stats total").isEqualTo(stored.size());
            }
        }
    }

    /** The chat as the bot stored it before: one member, {@link #PRELOADED} messages, counters bumped. */
    private static void preload(ChatStore main) {
        main.updateChatInfo(CHAT, dev.chatstore.storage.spi.ChatType.SUPERGROUP, "Busy group", null, false);
        main.updateChatUser(CHAT, OLD_MEMBER, "@old", "Old Member");
        Instant date = Instant.parse("2024-06-01T10:00:00Z");
        List<ChatMessage> batch = new ArrayList<>();
        for (int i = 1; i <= PRELOADED; i++) {
            batch.add(ChatMessage.builder(CHAT, "p" + i, OLD_MEMBER, date.plusSeconds(i * 60L)).text("old " + i)
                    .rootMessageId("p" + i).build());
            if (batch.size() == 500) {
                main.addChatMessages(batch);
                batch.clear();
            }
        }
        main.addChatMessages(batch);
    }

    /** Posts updates one after another; members rotate, and a new member joins every 40 updates. */
    private void post(URI base, AtomicBoolean posting, Set<Integer> acknowledged, AtomicInteger refused) {
        int id = 1;
        while (posting.get()) {
            long user = id % 3 == 0 ? OLD_MEMBER : 9000L + id / 40;
            String body = "{\"update_id\":" + (100_000 + id) + ",\"message\":{\"message_id\":" + id
                    + ",\"from\":{\"id\":" + user + ",\"is_bot\":false,\"first_name\":\"U" + user + "\"},"
                    + "\"chat\":{\"id\":" + CHAT + ",\"title\":\"Busy group\",\"type\":\"supergroup\"},"
                    + "\"date\":" + (1_718_870_490L + id) + ",\"text\":\"live " + id + "\"}}";
            HttpRequest request = HttpRequest.newBuilder(base.resolve(WebhookServer.WEBHOOK_PATH))
                    .timeout(Duration.ofSeconds(30))
                    .header(WebhookHandler.SECRET_HEADER, ServeIT.SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    acknowledged.add(id);
                } else {
                    // Telegram would resend it; this test just counts it.
                    refused.incrementAndGet();
                }
            } catch (Exception e) {
                refused.incrementAndGet();
            }
            id++;
        }
    }

    private static Map<String, Long> counterSums(ChatTransfer store) {
        Map<String, Long> sums = new HashMap<>(Map.of("chat_stats", 0L, "chat_user_stats", 0L));
        store.exportChat(CHAT, 1000, (table, rows) -> {
            if (table == TransferTable.CHAT_STATS || table == TransferTable.CHAT_USER_STATS) {
                int count = table.columnNames().indexOf("messages_count");
                for (Object[] row : rows) {
                    sums.merge(table.name(), (Long) row[count], Long::sum);
                }
            }
        });
        return sums;
    }

    private static JsonNode stepNamed(JsonNode result, String name) {
        for (JsonNode step : result.path("steps")) {
            if (step.path("step").asText().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + result);
    }

    private static void awaitCount(Set<Integer> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledged.size() < count) {
            assertThat(System.nanoTime()).as("%s updates acknowledged within 60 s", count).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitStderr(HostProcess.Running process, String text) throws InterruptedException {
        long deadline = System.nanoTime() + HostProcess.TIMEOUT.toNanos();
        while (!process.stderr().contains(text)) {
            assertThat(process.process().isAlive()).as("%s is running:%n%s", process.command(), process.stderr())
                    .isTrue();
            assertThat(System.nanoTime()).as("'%s' within the timeout", text).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
