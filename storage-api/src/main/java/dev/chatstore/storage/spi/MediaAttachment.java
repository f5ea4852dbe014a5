package dev.chatstore.storage.spi;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A media file seen in a chat (table {@code media_attachments}), keyed by Telegram's {@code file_unique_id}.
 * Build with {@link #builder}; {@code createdAt}/{@code updatedAt} are null on values given to a write and set
 * on values read back.
 *
 * @param fileId    Telegram {@code file_id} for downloading, or null
 * @param fileSize  bytes, or null
 * @param metadata  free text, JSON by convention; never null (empty when none)
 */
public record MediaAttachment(
        String fileUniqueId,
        String fileId,
        Long fileSize,
        MessageType mediaType,
        String metadata,
        MediaStatus status,
        String mimeType,
        String localUrl,
        String prompt,
        String description,
        Instant createdAt,
        Instant updatedAt) {
    public MediaAttachment {
        requireNonNull(fileUniqueId, "fileUniqueId is null");
        requireNonNull(mediaType, "mediaType is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(status, "status is null");
        createdAt = Timestamps.seconds(createdAt);
        updatedAt = Timestamps.seconds(updatedAt);
    }

    /** A builder with status {@code pending} and empty metadata. */
    public static Builder builder(String fileUniqueId, MessageType mediaType) {
        return new Builder(fileUniqueId, mediaType);
    }

    /** Builds {@link MediaAttachment}; not thread-safe. */
    public static final class Builder {
        private final String fileUniqueId;
        private final MessageType mediaType;
        private String fileId;
        private Long fileSize;
        private String metadata = "";
        private MediaStatus status = MediaStatus.PENDING;
        private String mimeType;
        private String localUrl;
        private String prompt;
        private String description;

        private Builder(String fileUniqueId, MessageType mediaType) {
            this.fileUniqueId = fileUniqueId;
            this.mediaType = mediaType;
        }

        public Builder fileId(String fileId) {
            this.fileId = fileId;
            return this;
        }

        public Builder fileSize(Long fileSize) {
            this.fileSize = fileSize;
            return this;
        }

        public Builder metadata(String metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder status(MediaStatus status) {
            this.status = status;
            return this;
        }

        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        public Builder localUrl(String localUrl) {
            this.localUrl = localUrl;
            return this;
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public MediaAttachment build() {
            return new MediaAttachment(fileUniqueId, fileId, fileSize, mediaType, metadata, status, mimeType, localUrl,
                    prompt, description, null, null);
        }
    }
}
