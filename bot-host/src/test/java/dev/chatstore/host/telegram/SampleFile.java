package dev.chatstore.host.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code samples/telegram-updates.jsonl} and the counts an ingest of it must produce, worked out here with plain
 * JSON reading (kinds, keys, ids) rather than with the code under test.
 */
final class SampleFile {
    static final Path PATH = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("../samples/telegram-updates.jsonl").normalize();

    private static final List<String> MESSAGE_KINDS =
            List.of("message", "edited_message", "channel_post", "edited_channel_post");
    private static final List<String> MEDIA_FIELDS =
            List.of("sticker", "animation", "video", "video_note", "audio", "voice", "document");

    final List<String> lines;
    long ignored;
    long edits;
    long messageUpdates;
    /** Distinct (chat, message id) pairs: what gets stored. */
    final Set<String> messageKeys = new HashSet<>();
    /** Edits whose message also arrives as a new message: counted as edited. */
    long editsOfKnownMessages;
    final Set<String> fileUniqueIds = new HashSet<>();
    final Set<Long> chats = new HashSet<>();
    final Set<Long> senders = new HashSet<>();
    /** Distinct (chat, sender) pairs: the chat_users rows. */
    final Set<String> members = new HashSet<>();
    final Map<Long, Long> messagesPerChat = new LinkedHashMap<>();
    /** Message-carrying updates (edits included) per chat. */
    final Map<Long, Long> updatesPerChat = new LinkedHashMap<>();

    private SampleFile(List<String> lines) {
        this.lines = lines;
        ObjectMapper json = new ObjectMapper();
        Set<String> originals = new HashSet<>();
        List<String> editKeys = new java.util.ArrayList<>();
        for (String line : lines) {
            JsonNode update = readTree(json, line);
            String kind = MESSAGE_KINDS.stream().filter(update::has).findFirst().orElse(null);
            if (kind == null) {
                ignored++;
                continue;
            }
            messageUpdates++;
            JsonNode message = update.get(kind);
            long chatId = message.get("chat").get("id").asLong();
            String key = chatId + "/" + message.get("message_id").asLong();
            updatesPerChat.merge(chatId, 1L, Long::sum);
            if (messageKeys.add(key)) {
                messagesPerChat.merge(chatId, 1L, Long::sum);
            }
            if (kind.startsWith("edited_")) {
                edits++;
                editKeys.add(key);
            } else {
                originals.add(key);
            }
            chats.add(chatId);
            JsonNode sender = message.has("sender_chat") ? message.get("sender_chat") : message.get("from");
            long senderId = sender == null ? chatId : sender.get("id").asLong();
            senders.add(senderId);
            if (sender != null) {
                members.add(chatId + "/" + senderId);
            }
            String media = primaryFileUniqueId(message);
            if (media != null) {
                fileUniqueIds.add(media);
            }
        }
        editsOfKnownMessages = editKeys.stream().filter(originals::contains).count();
    }

    static SampleFile load() {
        try {
            return new SampleFile(Files.readAllLines(PATH));
        } catch (IOException e) {
            throw new UncheckedIOException("the sample should be at " + PATH, e);
        }
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    private static String primaryFileUniqueId(JsonNode message) {
        if (message.has("photo")) {
            JsonNode largest = null;
            for (JsonNode size : message.get("photo")) {
                if (largest == null || size.get("width").asLong() * size.get("height").asLong()
                        > largest.get("width").asLong() * largest.get("height").asLong()) {
                    largest = size;
                }
            }
            return largest.get("file_unique_id").asText();
        }
        return MEDIA_FIELDS.stream().filter(message::has).findFirst()
                .map(field -> message.get(field).get("file_unique_id").asText()).orElse(null);
    }

    private static JsonNode readTree(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
