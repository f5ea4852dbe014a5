package dev.chatstore.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 18's layer cost, Chatstore's side: the single-message path of a bot through {@link Storage} (the host's
 * chain over the SQLite plugin) on a copy of an empty migrated file, the same rows and order as
 * {@code per_message_floor.py}: for each message, {@code updateChatUser} the first time its (chat, user) pair is
 * seen, then {@code addChatMessage} (one transaction). Like the floor, the updates are parsed before the clock
 * starts and only the writes are timed; the JVM is as fresh as the process (run it once per measurement for the
 * cold figure).
 *
 * <p>{@code java -cp benchmarks.jar dev.chatstore.benchmarks.LayerCost EMPTY_MIGRATED.db UPDATES.jsonl WORK.db};
 * prints messages per second on stdout.
 */
final class LayerCost {
    private LayerCost() {
    }

    private record Incoming(ChatMessage message, String username, String fullName) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: LayerCost EMPTY_MIGRATED.db UPDATES.jsonl WORK.db");
            System.exit(2);
        }
        Path work = Path.of(args[2]).toAbsolutePath();
        Files.deleteIfExists(work);
        Files.copy(Path.of(args[0]), work);
        List<Incoming> incoming = read(Path.of(args[1]));
        StorageConfig config = new StorageConfig(Sqlite.SOURCE, List.of(SourceConfig.of(Sqlite.SOURCE,
                work.toString())), Map.of(), OnSourceFailure.SKIP);
        long elapsed;
        try (Storage storage = Sqlite.openStorage(config)) {
            Set<List<Long>> seen = new HashSet<>();
            long start = System.nanoTime();
            for (Incoming in : incoming) {
                ChatMessage m = in.message();
                if (seen.add(List.of(m.chatId(), m.userId()))) {
                    storage.updateChatUser(m.chatId(), m.userId(), in.username(), in.fullName());
                }
                storage.addChatMessage(m);
            }
            elapsed = System.nanoTime() - start;
        }
        System.out.println((long) (incoming.size() / (elapsed / 1e9)));
    }

    private static List<Incoming> read(Path updates) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Incoming> result = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(updates, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode m = json.readTree(line).get("message");
                JsonNode from = m.get("from");
                String username = from.hasNonNull("username") ? "@" + from.get("username").asText() : "";
                ChatMessage message = ChatMessage.builder(m.get("chat").get("id").asLong(),
                        m.get("message_id").asText(), from.get("id").asLong(),
                        Instant.ofEpochSecond(m.get("date").asLong())).text(m.path("text").asText("")).build();
                result.add(new Incoming(message, username, from.path("first_name").asText("")));
            }
        }
        return result;
    }
}
