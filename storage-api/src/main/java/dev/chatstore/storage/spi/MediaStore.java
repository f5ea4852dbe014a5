package dev.chatstore.storage.spi;

import java.util.Optional;

import static dev.chatstore.storage.spi.Access.READ;
import static dev.chatstore.storage.spi.Access.WRITE;
import static dev.chatstore.storage.spi.Route.DEFAULT;

/** Media records (table {@code media_attachments}). Part of {@link ChatStore}; see there for the common contract. */
public interface MediaStore {
    /**
     * Stores a new media record; its {@code createdAt}/{@code updatedAt} are ignored and set by the store.
     *
     * @param attachment non-null
     * @throws DuplicateKeyException if its {@code fileUniqueId} is stored already; nothing is changed
     */
    @Operation(access = WRITE, route = DEFAULT)
    void addMediaAttachment(MediaAttachment attachment);

    /**
     * Changes the non-null fields of {@code changes} and refreshes {@code updated_at}.
     *
     * @param fileUniqueId non-null
     * @param changes      non-null
     * @return whether the record exists (and was changed)
     */
    @Operation(access = WRITE, route = DEFAULT)
    boolean updateMediaAttachment(String fileUniqueId, MediaUpdate changes);

    /** @return the record, or empty when not stored */
    @Operation(access = READ, route = DEFAULT)
    Optional<MediaAttachment> getMediaAttachment(String fileUniqueId);
}
