package dev.chatstore.host;

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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook's status codes, routes and health answers over the real Jetty server ({@link WebhookServer}), with
 * in-memory sources behind the routing chain.
 */
class WebhookHandlerTest {
    private static final long ARCHIVED_CHAT = -1001234567890L;

    private final HttpClient client = HttpClient.newHttpClient();
    private Storage storage;
    static final ServerSettings SETTINGS = new ServerSettings(16, 64, 256, Duration.ofSeconds(1), 4096,
            Duration.ofSeconds(5));

    private WebhookServer server;
    private URI base;
    private URI webhook;
    private int port;

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
        SecretToken secret = SecretToken.of(Optional.of("s3cret"));
        List<SourceRow> rows = List.of(
                new SourceRow("primary", "sqlite", "/srv/bot/primary.db", false, 4, 1, "v3", 2L, 5L, "3.51.3", true, null),
                new SourceRow("archive", "sqlite", "/srv/bot/archive.db", true, 2, 0, "v3", 1L, 1L, "3.51.3", false,
                        "disk I/O error"));
        server = WebhookServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SETTINGS,
                new WebhookRoutes(Set.of(WebhookServer.WEBHOOK_PATH, "/hook/s3cret-path"),
                        new WebhookHandler(ingester, secret, SETTINGS.maxBodyBytes(), SETTINGS.queueSize()),
                        new HealthHandler(() -> rows, secret)));
        port = server.address().getPort();
        base = URI.create("http://127.0.0.1:" + port);
        webhook = base.resolve(WebhookServer.WEBHOOK_PATH);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
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

    @Test
    void trailingContentAfterTheUpdateIs400AndStoresNothing() throws Exception {
        HttpResponse<String> twoUpdates = post(update(42, 10, "one") + " " + update(42, 11, "two"), "s3cret");
        HttpResponse<String> garbage = post(update(42, 12, "three") + " garbage", "s3cret");
        HttpResponse<String> trailingSpace = post(update(42, 13, "four") + " \r\n", "s3cret");

        assertThat(twoUpdates.statusCode()).as(twoUpdates.body()).isEqualTo(400);
        assertThat(twoUpdates.body()).contains("\"outcome\" : \"malformed\"", "not one JSON value");
        assertThat(garbage.statusCode()).as(garbage.body()).isEqualTo(400);
        assertThat(trailingSpace.statusCode()).as("whitespace is not content").isEqualTo(200);
        assertThat(storage.getChatMessages(42, MessageQuery.all())).extracting(message -> message.text())
                .containsExactly("four");
    }

    @Test
    void invalidUtf8Is400MalformedWithTheByteOffset() {
        byte[] valid = update(42, 14, "caf\u00e9").getBytes(UTF_8);
        int at = new String(valid, UTF_8).indexOf("caf") + 3;
        byte[] body = valid.clone();
        body[at] = (byte) 0xC3;      // the first byte of é kept, its continuation byte replaced by ASCII
        body[at + 1] = (byte) 0x28;

        try (RawHttp client = RawHttp.connect(port)) {
            RawHttp.Response response = client.send(RawHttp.post(WebhookServer.WEBHOOK_PATH, "s3cret", body))
                    .read(Duration.ofSeconds(10));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("\"outcome\" : \"malformed\"", "not valid UTF-8 at byte " + at);
        }
        assertThat(storage.getChatMessages(42, MessageQuery.all())).isEmpty();
    }

    @Test
    void aWrongSecretIsAnswered401FromTheHeadersWithoutWaitingForTheDeclaredBody() {
        try (RawHttp client = RawHttp.connect(port)) {
            long start = System.nanoTime();
            RawHttp.Response response = client.send(RawHttp.postHead(WebhookServer.WEBHOOK_PATH, "wrong", 1_000_000)
                    + "{\"upd").read(Duration.ofSeconds(5));

            assertThat(response.status()).isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SETTINGS.idleTimeout());
            assertThat(response.head()).containsIgnoringCase("connection: close");
        }
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrSent() throws Exception {
        String padding = "x".repeat(SETTINGS.maxBodyBytes());
        HttpResponse<String> sent = post(update(42, 15, padding), "s3cret");
        try (RawHttp client = RawHttp.connect(port)) {
            RawHttp.Response declared = client.send(RawHttp.postHead(WebhookServer.WEBHOOK_PATH, "s3cret",
                    SETTINGS.maxBodyBytes() + 1L)).read(Duration.ofSeconds(5));
            assertThat(declared.status()).isEqualTo(413);
        }

        assertThat(sent.statusCode()).isEqualTo(413);
        assertThat(sent.body()).contains("body larger than 4096 bytes");
        assertThat(storage.getChatMessages(42, MessageQuery.all())).isEmpty();
    }

    @Test
    void routesMatchExactly() throws Exception {
        for (String path : List.of("/healthz", "/health/", "/telegram/webhookfoo", "/telegram/webhook/anything",
                "/telegram/webhook/", "/telegram", "/", "/hook/s3cret-path/x")) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                    .header(WebhookHandler.SECRET_HEADER, "s3cret")
                    .POST(HttpRequest.BodyPublishers.ofString(update(42, 16, "x"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> configured = client.send(HttpRequest.newBuilder(base.resolve("/hook/s3cret-path"))
                .header(WebhookHandler.SECRET_HEADER, "s3cret")
                .POST(HttpRequest.BodyPublishers.ofString(update(42, 17, "via the configured path"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> postHealth = client.send(HttpRequest.newBuilder(base.resolve("/health"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(configured.statusCode()).as(configured.body()).isEqualTo(200);
        assertThat(postHealth.statusCode()).isEqualTo(405);
        assertThat(postHealth.headers().firstValue("Allow")).contains("GET");
        assertThat(storage.getChatMessages(42, MessageQuery.all())).extracting(message -> message.text())
                .containsExactly("via the configured path");
    }

    @Test
    void healthShowsDetailsOnlyToACallerWithTheSecret() throws Exception {
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(base.resolve("/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(base.resolve("/health"))
                .header(WebhookHandler.SECRET_HEADER, "nope").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withSecret = client.send(HttpRequest.newBuilder(base.resolve("/health"))
                .header(WebhookHandler.SECRET_HEADER, "s3cret").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(503);
        assertThat(Json.MAPPER.readTree(anonymous.body())).isEqualTo(Json.MAPPER.readTree("""
                {"status": "degraded", "sources": [{"name": "primary", "status": "ok"},
                                                   {"name": "archive", "status": "degraded"}]}"""));
        assertThat(wrong.body()).isEqualTo(anonymous.body());
        assertThat(withSecret.statusCode()).isEqualTo(503);
        assertThat(withSecret.body()).contains("/srv/bot/archive.db", "disk I/O error", "\"poolSize\" : 2");
    }

    @Test
    void withoutASecretLoopbackCallersSeeTheDetails() throws Exception {
        SecretToken none = SecretToken.of(Optional.empty());
        List<SourceRow> rows = List.of(
                new SourceRow("primary", "sqlite", "/srv/bot/primary.db", false, 4, 1, "v3", 2L, 5L, "3.51.3", true, null));
        try (WebhookServer open = WebhookServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                SETTINGS, new WebhookRoutes(Set.of(WebhookServer.WEBHOOK_PATH),
                        new WebhookHandler(new UpdateIngester(storage, chatId -> "primary"), none, 4096, 64),
                        new HealthHandler(() -> rows, none)))) {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + open.address().getPort() + "/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\" : \"ok\"", "/srv/bot/primary.db");
        }
    }

    @Test
    void beyondTheQueueAnUpdateIs503WithRetryAfterAndTheWaitingOneIsStored() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChatStore blocking = (ChatStore) Proxy.newProxyInstance(ChatStore.class.getClassLoader(),
                new Class<?>[] {ChatStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addChatMessages")) {
                        entered.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(storage, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SecretToken none = SecretToken.of(Optional.empty());
        try (WebhookServer small = WebhookServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                SETTINGS, new WebhookRoutes(Set.of(WebhookServer.WEBHOOK_PATH),
                        new WebhookHandler(new UpdateIngester(blocking, chatId -> "primary"), none, 4096, 1),
                        new HealthHandler(List::of, none)))) {
            URI hook = URI.create("http://127.0.0.1:" + small.address().getPort() + WebhookServer.WEBHOOK_PATH);
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(HttpRequest.newBuilder(hook)
                    .POST(HttpRequest.BodyPublishers.ofString(update(42, 19, "first"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> second = client.send(HttpRequest.newBuilder(hook)
                    .POST(HttpRequest.BodyPublishers.ofString(update(42, 20, "second"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            release.countDown();

            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).contains("1");
            assertThat(second.body()).contains("\"outcome\" : \"busy\"");
            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(storage.getChatMessages(42, MessageQuery.all())).extracting(message -> message.text())
                .containsExactly("first");
    }

    @Test
    void aPortInUseIsAnIOExceptionSoServeCanSayWhatToDo() {
        InetSocketAddress taken = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);

        assertThatThrownBy(() -> WebhookServer.start(taken, SETTINGS, new WebhookRoutes(Set.of(WebhookServer.WEBHOOK_PATH),
                new WebhookHandler(new UpdateIngester(storage, chatId -> "primary"), SecretToken.of(Optional.empty()),
                        4096, 64), new HealthHandler(List::of, SecretToken.of(Optional.empty())))))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aStalledRequestIsClosedAfterTheIdleTimeoutWhileOthersAreServed() throws Exception {
        try (RawHttp halfHead = RawHttp.connect(port); RawHttp halfBody = RawHttp.connect(port)) {
            halfHead.send("POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            halfBody.send(RawHttp.postHead(WebhookServer.WEBHOOK_PATH, "s3cret", 1000) + "{\"update_id\"");

            assertThat(post(update(42, 18, "meanwhile"), "s3cret").statusCode()).isEqualTo(200);
            Duration slack = SETTINGS.idleTimeout().plusSeconds(3);
            assertThat(halfHead.closedByServerWithin(slack)).as("half a head closed").isTrue();
            RawHttp.Response timedOut = halfBody.read(slack);
            assertThat(timedOut.status()).isEqualTo(408);
            assertThat(timedOut.head()).containsIgnoringCase("connection: close");
            assertThat(halfBody.closedByServerWithin(slack)).as("half a body closed").isTrue();
        }
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
