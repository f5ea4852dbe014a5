package dev.chatstore.host.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MessageType;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.chatstore.host.telegram.JsonFields.describe;
import static dev.chatstore.host.telegram.JsonFields.optInt;
import static dev.chatstore.host.telegram.JsonFields.optLong;
import static dev.chatstore.host.telegram.JsonFields.optText;
import static dev.chatstore.host.telegram.JsonFields.path;
import static dev.chatstore.host.telegram.JsonFields.requireText;

/**
 * Finds the primary media of a Bot API {@code Message} and describes it as a {@link MediaAttachment}. Only the
 * primary file is recorded: the smaller photo sizes and the thumbnails are renditions of the same content, and a
 * message points at one media record ({@code media_id}). Stateless and thread-safe.
 */
final class MediaMapper {
    /** The primary media of a message: its content type and the record of its file. */
    record Primary(MessageType type, MediaAttachment attachment) {
    }

    // Checked in this order: a GIF arrives as both "animation" and "document", and only the first match counts.
    private static final Map<String, MessageType> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("photo", MessageType.IMAGE);
        FIELDS.put("sticker", MessageType.STICKER);
        FIELDS.put("animation", MessageType.ANIMATION);
        FIELDS.put("video", MessageType.VIDEO);
        FIELDS.put("video_note", MessageType.VIDEO_NOTE);
        FIELDS.put("audio", MessageType.AUDIO);
        FIELDS.put("voice", MessageType.VOICE);
        FIELDS.put("document", MessageType.DOCUMENT);
    }

    private MediaMapper() {
    }

    /** @return the primary media of {@code message}, or null when it carries none */
    static Primary primary(JsonNode message, String messagePath) {
        for (Map.Entry<String, MessageType> entry : FIELDS.entrySet()) {
            JsonNode node = JsonFields.get(message, entry.getKey());
            if (node == null) {
                continue;
            }
            String fieldPath = path(messagePath, entry.getKey());
            if (entry.getValue() == MessageType.IMAGE) {
                return largestPhoto(node, fieldPath);
            }
            if (!node.isObject()) {
                throw new MalformedUpdateException(fieldPath, "a JSON object", describe(node));
            }
            return new Primary(entry.getValue(), attachment(node, entry.getValue(), fieldPath));
        }
        return null;
    }

    private static Primary largestPhoto(JsonNode sizes, String photoPath) {
        if (!sizes.isArray() || sizes.isEmpty()) {
            throw new MalformedUpdateException(photoPath, "a non-empty array of PhotoSize", describe(sizes));
        }
        JsonNode largest = null;
        String largestPath = null;
        long largestArea = -1;
        for (int i = 0; i < sizes.size(); i++) {
            JsonNode size = sizes.get(i);
            String sizePath = photoPath + "[" + i + "]";
            if (!size.isObject()) {
                throw new MalformedUpdateException(sizePath, "a PhotoSize object", describe(size));
            }
            Integer width = optInt(size, "width", sizePath);
            Integer height = optInt(size, "height", sizePath);
            long area = width == null || height == null ? 0 : (long) width * height;
            // ">=": on equal areas the later size wins, as Telegram lists sizes smallest first.
            if (area >= largestArea) {
                largest = size;
                largestPath = sizePath;
                largestArea = area;
            }
        }
        return new Primary(MessageType.IMAGE, attachment(largest, MessageType.IMAGE, largestPath));
    }

    private static MediaAttachment attachment(JsonNode file, MessageType type, String filePath) {
        String fileUniqueId = requireText(file, "file_unique_id", filePath);
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        Integer width = optInt(file, "width", filePath);
        Integer height = optInt(file, "height", filePath);
        if (type == MessageType.VIDEO_NOTE) {
            // Video notes are round and square: "length" is both width and height.
            Integer length = optInt(file, "length", filePath);
            width = width == null ? length : width;
            height = height == null ? length : height;
        }
        putIfPresent(metadata, "width", width);
        putIfPresent(metadata, "height", height);
        putIfPresent(metadata, "duration", optInt(file, "duration", filePath));
        String emoji = optText(file, "emoji", filePath);
        if (emoji != null) {
            metadata.put("emoji", emoji);
        }
        String fileName = optText(file, "file_name", filePath);
        if (fileName != null) {
            metadata.put("file_name", fileName);
        }
        return MediaAttachment.builder(fileUniqueId, type)
                .fileId(optText(file, "file_id", filePath))
                .fileSize(optLong(file, "file_size", filePath))
                .mimeType(optText(file, "mime_type", filePath))
                .metadata(metadata.toString())
                .build();
    }

    private static void putIfPresent(ObjectNode metadata, String field, Integer value) {
        if (value != null) {
            metadata.put(field, value);
        }
    }
}
