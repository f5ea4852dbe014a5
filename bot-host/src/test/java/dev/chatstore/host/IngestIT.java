package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static dev.chatstore.host.HostProcess.run;
import static dev.chatstore.host.HostProcess.write;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ingest} of the sample through the built jar and the real SQLite plugin. */
class IngestIT {
    static final String GUIDE_REFUSAL = "Cannot perform write operation on readonly source 'archive'. "
            + "This source is configured as readonly.";

    static SampleFacts sample;

    @BeforeAll
    static void readSample() {
        sample = SampleFacts.read(HostProcess.sample());
    }

    /** The README's first command, on a copy of the checkout's layout: configs/bot.toml, plugins/, samples/. */
    @Test
    void theReadmeCommandIngestsTheSampleWithTheEmbeddedConfig(@TempDir Path checkout) throws Exception {
        Files.createDirectories(checkout.resolve("configs"));
        Files.copy(HostProcess.repoRoot().resolve("configs/bot.toml"), checkout.resolve("configs/bot.toml"));
        HostProcess.installPlugins(checkout);
        Files.createDirectories(checkout.resolve("samples"));
        Files.copy(HostProcess.sample(), checkout.resolve("samples/telegram-updates.jsonl"));

        HostProcess.Result result = run(checkout, "--config", "configs/bot.toml", "ingest", "samples/telegram-updates.jsonl")
                .exits(sample.malformedLines > 0 ? 1 : 0);

        assertThat(result.out()).contains("Messages: " + sample.totalMessages() + " stored");
        assertThat(checkout.resolve("data/bot.db")).isRegularFile();
        assertThat(result.err()).contains("Plugins folder: " + checkout.resolve("plugins"));
    }

    @Test
    void twoSourcesGetTheirChatsAndReingestingStoresNothingTwice(@TempDir Path dir) {
        HostProcess.installPlugins(dir);
        long moved = sample.busiestGroup();
        write(dir.resolve("two.toml"), """
                [plugins]
                dir = "plugins"

                [database]
                default = "primary"

                [database.sources.primary]
                path = "data/primary.db"

                [database.sources.second]
                path = "data/second.db"
                pool-size = 2

                [database.chatMapping]
                %d = "second"
                """.formatted(moved));
        int movedMessages = sample.messages(moved);
        int primaryMessages = sample.totalMessages() - movedMessages;

        JsonNode summary = run(dir, "--config", "two.toml", "ingest", HostProcess.sample().toString(), "--json")
                .exits(sample.malformedLines > 0 ? 1 : 0).json();

        assertThat(summary.path("messagesStored").asInt()).isEqualTo(sample.totalMessages());
        assertThat(summary.path("refused").asInt()).isZero();
        assertThat(summary.path("failed").asInt()).isZero();
        assertThat(summary.path("sources").path("primary").path("messagesStored").asInt()).isEqualTo(primaryMessages);
        assertThat(summary.path("sources").path("second").path("messagesStored").asInt()).isEqualTo(movedMessages);

        Map<Long, String> chatSources = new HashMap<>();
        run(dir, "--config", "two.toml", "chats", "--json").exits(0).json()
                .forEach(row -> chatSources.put(row.path("chatId").asLong(), row.path("source").asText()));
        Map<Long, String> expected = new HashMap<>();
        sample.groupChats().forEach(chat -> expected.put(chat, chat == moved ? "second" : "primary"));
        assertThat(chatSources).isEqualTo(expected);

        JsonNode messages = run(dir, "--config", "two.toml", "messages", "--chat", Long.toString(moved), "--limit",
                "100000", "--json").exits(0).json();
        Set<String> ids = new HashSet<>();
        messages.forEach(row -> {
            ids.add(row.path("messageId").asText());
            assertThat(row.path("source").asText()).isEqualTo("second");
            String sent = sample.firstTexts.getOrDefault(moved, Map.of()).get(row.path("messageId").asText());
            if (sent != null) {
                assertThat(row.path("text").asText()).as("text of message %s, verbatim", row.path("messageId"))
                        .isEqualTo(sent);
            }
        });
        assertThat(ids).isEqualTo(sample.messageIds.get(moved));
        assertThat(run(dir, "--config", "two.toml", "messages", "--chat", Long.toString(moved), "--source", "primary",
                "--json").exits(0).json()).isEmpty();

        JsonNode again = run(dir, "--config", "two.toml", "ingest", HostProcess.sample().toString(), "--json")
                .exits(sample.malformedLines > 0 ? 1 : 0).json();
        assertThat(again.path("messagesStored").asInt()).isZero();
        assertThat(again.path("duplicates").asInt() + again.path("edited").asInt())
                .isEqualTo(summary.path("updates").asInt() - summary.path("ignored").asInt());
        Map<String, Integer> stored = new HashMap<>();
        run(dir, "--config", "two.toml", "sources", "--count", "--json").exits(0).json()
                .forEach(row -> stored.put(row.path("name").asText(), row.path("messages").asInt()));
        assertThat(stored).isEqualTo(Map.of("primary", primaryMessages, "second", movedMessages));
    }

    @Test
    void aChatMappedToAReadonlySourceIsRefusedAndTheFileIsUnchanged(@TempDir Path dir) {
        HostProcess.installPlugins(dir);
        long archived = sample.busiestGroup();
        // The archive: a real database with one of the chat's updates, written through the single-file form.
        write(dir.resolve("archived-update.jsonl"), sample.updateLines.get(archived).get(0) + "\n");
        run(dir, "--db", "data/archive.db", "--plugins", "plugins", "ingest", "archived-update.jsonl").exits(0);
        Path archive = dir.resolve("data/archive.db");
        String before = HostProcess.sha256(archive);
        write(dir.resolve("readonly.toml"), """
                [plugins]
                dir = "plugins"

                [database]
                default = "primary"

                [database.sources.primary]
                path = "data/primary.db"

                [database.sources.archive]
                path = "data/archive.db"
                readonly = true

                [database.chatMapping]
                %d = "archive"
                """.formatted(archived));

        HostProcess.Result result = run(dir, "--config", "readonly.toml", "ingest", HostProcess.sample().toString(),
                "--json").exits(1);

        assertThat(result.err()).contains("chat " + archived).contains(GUIDE_REFUSAL);
        JsonNode summary = result.json();
        assertThat(summary.path("refused").asInt()).isPositive();
        assertThat(summary.path("sources").path("archive").path("refused").asInt())
                .isEqualTo(summary.path("refused").asInt());
        assertThat(summary.path("sources").path("archive").path("messagesStored").asInt()).isZero();
        assertThat(summary.path("sources").path("primary").path("messagesStored").asInt())
                .isEqualTo(sample.totalMessages() - sample.messages(archived));
        assertThat(HostProcess.sha256(archive)).as("SHA-256 of the readonly file").isEqualTo(before);
        assertThat(summary.path("failed").asInt()).isZero();
    }
}
