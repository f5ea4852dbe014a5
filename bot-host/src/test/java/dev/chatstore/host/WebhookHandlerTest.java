package dev.chatstore.host;

import com.sun.net.httpserver.HttpServer;
import dev.chatstore.host.telegram.UpdateIngester;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.Storages;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook's status codes over a real HTTP server, with in-memory sources behind the routing chain. */
class WebhookHandlerTest {
    private static final long ARCHIVED_CHAT = -1001234567890L;

    private final HttpClient client = HttpClient.newHttpClient();
    private Storage storage;
    private HttpServer server;
    private URI webhook;

    @BeforeEach
    void start() throws IOException {
        StorageConfig config = dev.chatstore.storage.config.StorageConfigReader.fromMap(Map.of(
                "default", "primary",
                "sources", Map.of(
                        "primary", Map.of("path", ":memory:"),
                        "archive", Map.of("path", ":memory:", "readonly", true)),
                "chatMapping", Map.of(ARCHIVED_CHAT, "archive")), java.nio.file.Path.of(""), TestKeys.SQLITE);
        Map<String, ChatStore> stores = new LinkedHashMap<>();
        stores.put("primary", new InMemoryChatStore("primary"));
        stores.put("archive", new InMemoryChatStore("archive"));
        storage = Storages.of(config, stores);
        UpdateIngester ingester = new UpdateIngester(storage, chatId -> config.sourceNameForChat(chatId));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(WebhookServer.WEBHOOK_PATH, new WebhookHandler(ingester, Optional.of("s3cret")));
        server.start();
        webhook = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + WebhookServer.WEBHOOK_PATH);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void storesAnUpdateAndAnswers200ThenDuplicate() throws Exception {
        HttpResponse<String> first = post(update(42, 7, "hello 👋"), "s3cret");
        HttpResponse<String> again = post(update(42, 7, "hello 👋"), "s3cret");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"outcome\" : \"stored\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"outcome\" : \"duplicate\"");
        assertThat(storage.getChatMessages(42, MessageQuery.all())).singleElement()
                .satisfies(message -> assertThat(message.text()).isEqualTo("hello 👋"));
    }

    @Test
    void aMissingOrWrongSecretIs401AndStoresNothing() throws Exception {
        assertThat(post(update(42, 8, "x"), null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post(update(42, 8, "x"), "s3cret-not");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("X-Telegram-Bot-Api-Secret-Token");
        assertThat(storage.getChatMessages(42, MessageQuery.all())).isEmpty();
    }

    @Test
    void malformedJsonAndMalformedUpdatesAre400WithAJsonError() throws Exception {
        HttpResponse<String> notJson = post("{not json", "s3cret");
        HttpResponse<String> noChat = post("{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1}}", "s3cret");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("\"ok\" : false", "\"error\"");
        assertThat(noChat.statusCode()).isEqualTo(400);
        assertThat(noChat.body()).contains("\"outcome\" : \"malformed\"");
    }

    @Test
    void aChatRoutedToAReadonlySourceIs409WithTheGuardsMessage() throws Exception {
        HttpResponse<String> response = post(update(ARCHIVED_CHAT, 9, "late"), "s3cret");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("\"outcome\" : \"refused\"",
                "Cannot perform write operation on readonly source 'archive'. This source is configured as readonly.");
    }

    @Test
    void onlyPostIsAccepted() throws Exception {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(webhook).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
    }

    private HttpResponse<String> post(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (secret != null) {
            request.header(WebhookHandler.SECRET_HEADER, secret);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String update(long chatId, int messageId, String text) {
        String chat = chatId < 0
                ? "{\"id\":" + chatId + ",\"title\":\"Group\",\"type\":\"supergroup\"}"
                : "{\"id\":" + chatId + ",\"first_name\":\"Anna\",\"type\":\"private\"}";
        return "{\"update_id\":" + (1000 + messageId) + ",\"message\":{\"message_id\":" + messageId
                + ",\"from\":{\"id\":5123456789,\"is_bot\":false,\"first_name\":\"Anna\",\"username\":\"anna_kov\"},"
                + "\"chat\":" + chat + ",\"date\":1718870490,\"text\":\"" + text + "\"}}";
    }
}
