package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaUpdate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code media_attachments}. Not thread-safe: {@link InMemoryChatStore} guards it. */
final class MediaTable {
    private final Map<String, MediaAttachment> rows = new HashMap<>();

    boolean contains(String fileUniqueId) {
        return rows.containsKey(fileUniqueId);
    }

    void insert(MediaAttachment attachment, Instant now) {
        MediaAttachment a = attachment;
        rows.put(a.fileUniqueId(), new MediaAttachment(a.fileUniqueId(), a.fileId(), a.fileSize(), a.mediaType(),
                a.metadata(), a.status(), a.mimeType(), a.localUrl(), a.prompt(), a.description(), now, now));
    }

    boolean update(String fileUniqueId, MediaUpdate changes, Instant now) {
        return rows.computeIfPresent(fileUniqueId, (id, a) -> new MediaAttachment(id,
                or(changes.fileId(), a.fileId()),
                or(changes.fileSize(), a.fileSize()),
                or(changes.mediaType(), a.mediaType()),
                or(changes.metadata(), a.metadata()),
                or(changes.status(), a.status()),
                or(changes.mimeType(), a.mimeType()),
                or(changes.localUrl(), a.localUrl()),
                or(changes.prompt(), a.prompt()),
                or(changes.description(), a.description()),
                a.createdAt(), now)) != null;
    }

    Optional<MediaAttachment> find(String fileUniqueId) {
        return Optional.ofNullable(rows.get(fileUniqueId));
    }

    Object[] exportRow(String fileUniqueId) {
        MediaAttachment a = rows.get(fileUniqueId);
        return a == null ? null : new Object[]{a.fileUniqueId(), a.fileId(), a.fileSize(), a.mediaType().value(),
                a.metadata(), a.status().value(), a.mimeType(), a.localUrl(), a.prompt(), a.description(),
                a.createdAt(), a.updatedAt()};
    }

    void importRow(MediaAttachment attachment) {
        rows.put(attachment.fileUniqueId(), attachment);
    }

    private static <T> T or(T change, T stored) {
        return change == null ? stored : change;
    }
}
