package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * What the end-to-end tests expect from a file of updates, read independently of the host: for each chat that
 * appears in a message-carrying update, its type, its distinct message ids and the texts of its first versions.
 */
final class SampleFacts {
    static final List<String> MESSAGE_KINDS = List.of("message", "edited_message", "channel_post", "edited_channel_post");

    final Map<Long, String> chatTypes = new LinkedHashMap<>();
    final Map<Long, Set<String>> messageIds = new LinkedHashMap<>();
    final Map<Long, Map<String, String>> firstTexts = new LinkedHashMap<>();
    final Map<Long, List<String>> updateLines = new LinkedHashMap<>();
    int malformedLines;

    static SampleFacts read(Path file) {
        SampleFacts facts = new SampleFacts();
        ObjectMapper json = new ObjectMapper();
        try {
            for (String line : Files.readAllLines(file, UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode update;
                try {
                    update = json.readTree(line);
                } catch (IOException e) {
                    facts.malformedLines++;
                    continue;
                }
                facts.add(update, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return facts;
    }

    private void add(JsonNode update, String line) {
        for (String kind : MESSAGE_KINDS) {
            JsonNode message = update.get(kind);
            if (message == null) {
                continue;
            }
            long chatId = message.path("chat").path("id").asLong();
            String messageId = message.path("message_id").asText();
            chatTypes.putIfAbsent(chatId, message.path("chat").path("type").asText());
            messageIds.computeIfAbsent(chatId, id -> new LinkedHashSet<>()).add(messageId);
            updateLines.computeIfAbsent(chatId, id -> new java.util.ArrayList<>()).add(line);
            if (!kind.startsWith("edited_") && message.has("text")) {
                firstTexts.computeIfAbsent(chatId, id -> new LinkedHashMap<>())
                        .putIfAbsent(messageId, message.get("text").asText());
            }
        }
    }

    /** Group and supergroup chats, in order of first appearance. */
    List<Long> groupChats() {
        return chatTypes.entrySet().stream()
                .filter(entry -> entry.getValue().equals("group") || entry.getValue().equals("supergroup"))
                .map(Map.Entry::getKey)
                .toList();
    }

    int messages(long chatId) {
        return messageIds.getOrDefault(chatId, Set.of()).size();
    }

    int totalMessages() {
        return messageIds.values().stream().mapToInt(Set::size).sum();
    }

    /** The group chat with the most distinct messages: the one the tests map to another source. */
    long busiestGroup() {
        return groupChats().stream().max(java.util.Comparator.comparingInt(this::messages)).orElseThrow();
    }
}
