package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.chatstore.host.HostProcess.run;
import static dev.chatstore.host.HostProcess.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running {@code serve} applies chat mapping changes without a restart: the switch written by {@code move-chat},
 * a hand edit, and refuses an invalid edited config (errors logged, running mapping kept).
 */
class ServeMappingReloadIT {
    private static final long MOVED = -1003000000001L;
    private static final long EDITED = -1003000000002L;
    /** Two file sources, main (the default) and other, served with {@link ServeIT#SECRET}; OnlineMoveIT too. */
    static final String CONFIG = """
            # serve config; comments survive
            [plugins]
            dir = "plugins"

            [telegram]
            secret-token = "%s"

            [database]
            default = "main"

            [database.sources.main]
            path = "data/main.db"

            [database.sources.other]
            path = "data/other.db"
            """.formatted(ServeIT.SECRET);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void mappingChangesApplyWhileServingAndAnInvalidConfigIsRefused(@TempDir Path dir) throws Exception {
        HostProcess.installPlugins(dir);
        write(dir.resolve("bot.toml"), CONFIG);
        HostProcess.Running server = HostProcess.start(dir, "--config", "bot.toml", "serve", "--port", "0");
        try {
            URI base = URI.create("http://127.0.0.1:" + ServeIT.awaitPort(server));
            post(base, MOVED, 1);
            post(base, EDITED, 1);

            run(dir, "--config", "bot.toml", "move-chat", "--chat", Long.toString(MOVED), "--to", "other").exits(0);
            awaitLog(server, "chat " + MOVED + " now routes to 'other'");
            post(base, MOVED, 2);

            Files.writeString(dir.resolve("bot.toml"), Files.readString(dir.resolve("bot.toml"))
                    + EDITED + " = \"other\"   # edited by hand\n");
            awaitLog(server, "chat " + EDITED + " now routes to 'other'");
            post(base, EDITED, 2);

            String valid = Files.readString(dir.resolve("bot.toml"));
            Files.writeString(dir.resolve("bot.toml"), valid.replace(EDITED + " = \"other\"", EDITED + " = \"nope\""));
            awaitLog(server, "refused");
            assertThat(server.stderr()).contains("unknown source 'nope'").contains("the running chat mapping is kept");
            post(base, EDITED, 3);
        } finally {
            server.process().destroy();
        }
        server.await(Duration.ofSeconds(30));

        assertThat(messageIds(dir, MOVED, "main")).isEmpty();
        assertThat(messageIds(dir, MOVED, "other")).containsExactlyInAnyOrder("1", "2");
        assertThat(messageIds(dir, EDITED, "main")).containsExactly("1");
        assertThat(messageIds(dir, EDITED, "other")).containsExactlyInAnyOrder("2", "3");
    }

    /**
     * SIGHUP applies a hand edit at once, with polling out of the way (an hour apart): an update right after the
     * edit still goes by the old mapping, one after the signal by the new. An invalid edit signalled the same way is
     * refused with its errors logged and the running mapping kept. The serve's acknowledgement file (what move-chat
     * waits for) follows the mapping in force and is removed when serve stops.
     */
    @Test
    void sighupAppliesAHandEditAtOnceAndRefusesAnInvalidOne(@TempDir Path dir) throws Exception {
        HostProcess.installPlugins(dir);
        write(dir.resolve("bot.toml"), CONFIG);
        HostProcess.Running server = HostProcess.start(Map.of("CHATSTORE_TEST_MAPPING_POLL_MS", "3600000"), dir,
                "--config", "bot.toml", "serve", "--port", "0");
        Path ack = dir.toRealPath().resolve(".bot.toml.serve-" + server.process().pid());
        try {
            URI base = URI.create("http://127.0.0.1:" + ServeIT.awaitPort(server));
            awaitLog(server, "every 3600000 ms");
            assertThat(ack).exists();
            post(base, EDITED, 1);

            Files.writeString(dir.resolve("bot.toml"), Files.readString(dir.resolve("bot.toml"))
                    + "\n[database.chatMapping]\n" + EDITED + " = \"other\"   # edited by hand\n");
            post(base, EDITED, 2);
            assertThat(server.stderr()).as("no poll ran yet").doesNotContain("now routes to");
            hangUp(server);
            awaitLog(server, "Chat mapping changed (SIGHUP): chat " + EDITED + " now routes to 'other'");
            awaitContent(ack, "chat." + EDITED + "=other");
            post(base, EDITED, 3);

            String valid = Files.readString(dir.resolve("bot.toml"));
            Files.writeString(dir.resolve("bot.toml"), valid.replace(EDITED + " = \"other\"", EDITED + " = \"nope\""));
            hangUp(server);
            awaitLog(server, "Config reload (SIGHUP) refused");
            assertThat(server.stderr()).contains("unknown source 'nope'").contains("the running chat mapping is kept");
            assertThat(Files.readString(ack)).contains("chat." + EDITED + "=other");
            post(base, EDITED, 4);
        } finally {
            server.process().destroy();
        }
        server.await(Duration.ofSeconds(30));

        assertThat(ack).as("removed when serve stops").doesNotExist();
        assertThat(messageIds(dir, EDITED, "main")).containsExactlyInAnyOrder("1", "2");
        assertThat(messageIds(dir, EDITED, "other")).containsExactlyInAnyOrder("3", "4");
    }

    private static void hangUp(HostProcess.Running server) throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(server.process().pid())).start();
        assertThat(kill.waitFor()).as("kill -HUP").isZero();
    }

    private static void awaitContent(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(file) || !Files.readString(file).contains(text)) {
            assertThat(System.nanoTime()).as("%s holds '%s' within 30 s", file, text).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static List<String> messageIds(Path dir, long chat, String source) {
        write(dir.resolve("plain.toml"), CONFIG);
        JsonNode messages = run(dir, "--config", "plain.toml", "messages", "--chat", Long.toString(chat), "--source",
                source, "--json").exits(0).json();
        List<String> ids = new ArrayList<>();
        messages.forEach(message -> ids.add(message.path("messageId").asText(message.path("message_id").asText())));
        return ids;
    }

    private void post(URI base, long chat, int messageId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(WebhookServer.WEBHOOK_PATH))
                .timeout(Duration.ofSeconds(30))
                .header(WebhookHandler.SECRET_HEADER, ServeIT.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(WebhookHandlerTest.update(chat, messageId, "m" + messageId)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void awaitLog(HostProcess.Running server, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!server.stderr().contains(text)) {
            assertThat(System.nanoTime()).as("serve logged '%s' within 30 s:%n%s", text, server.stderr())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
