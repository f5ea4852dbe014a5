package dev.chatstore.storage.spi;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot of one source for operators ({@code bot-host sources}).
 *
 * @param sourceName        configured name
 * @param location          absolute path, or {@code :memory:}
 * @param readonly          configured readonly flag
 * @param poolSize          the most connections the source opens (the configured pool-size, or fewer: 1 for an
 *                          in-memory SQLite source)
 * @param activeConnections connections in use now
 * @param schemaVersion     backend-defined schema version text, for SQLite "6+chatstore-2" style; "unknown" if unread
 * @param chats             chats with a {@code chat_info} row, or -1 when unknown
 * @param messages          stored messages, or -1 when unknown
 * @param backendVersion    backend library version (for SQLite the library version), or "unknown"
 * @param healthy           whether a trivial query just succeeded
 * @param detail            the failure when unhealthy, else empty
 */
public record SourceStatus(String sourceName, String location, boolean readonly, int poolSize, int activeConnections,
                           String schemaVersion, long chats, long messages, String backendVersion, boolean healthy,
                           String detail) {
    public SourceStatus {
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(location, "location is null");
        requireNonNull(schemaVersion, "schemaVersion is null");
        requireNonNull(backendVersion, "backendVersion is null");
        requireNonNull(detail, "detail is null");
    }
}
