package dev.chatstore.storage.spi;

/**
 * The fields {@link MediaStore#updateMediaAttachment} changes; a null field is left as stored. Build with
 * {@link #builder()}.
 */
public record MediaUpdate(
        String fileId,
        Long fileSize,
        MessageType mediaType,
        String metadata,
        MediaStatus status,
        String mimeType,
        String localUrl,
        String prompt,
        String description) {
    /** Whether no field is set (the update then only refreshes {@code updated_at}). */
    public boolean isEmpty() {
        return fileId == null && fileSize == null && mediaType == null && metadata == null && status == null
                && mimeType == null && localUrl == null && prompt == null && description == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MediaUpdate}; not thread-safe. */
    public static final class Builder {
        private String fileId;
        private Long fileSize;
        private MessageType mediaType;
        private String metadata;
        private MediaStatus status;
        private String mimeType;
        private String localUrl;
        private String prompt;
        private String description;

        private Builder() {
        }

        public Builder fileId(String fileId) {
            this.fileId = fileId;
            return this;
        }

        public Builder fileSize(Long fileSize) {
            this.fileSize = fileSize;
            return this;
        }

        public Builder mediaType(MessageType mediaType) {
            this.mediaType = mediaType;
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

        public MediaUpdate build() {
            return new MediaUpdate(fileId, fileSize, mediaType, metadata, status, mimeType, localUrl, prompt,
                    description);
        }
    }
}
