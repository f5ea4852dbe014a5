package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.JdbcSession;

import dev.chatstore.storage.spi.DuplicateKeyException;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaStore;
import dev.chatstore.storage.spi.MediaStatus;
import dev.chatstore.storage.spi.MediaUpdate;
import dev.chatstore.storage.spi.MessageType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@code media_attachments}: one row per Telegram file. */
final class SqliteMedia implements MediaStore {
    private final JdbcSource source;

    SqliteMedia(JdbcSource source) {
        this.source = source;
    }

    @Override
    public void addMediaAttachment(MediaAttachment attachment) {
        MediaAttachment a = attachment;
        Instant now = SqliteTime.now();
        int inserted = source.write(s -> s.update("INSERT INTO media_attachments "
                + "(file_unique_id, file_id, file_size, media_type, metadata, status, mime_type, local_url, prompt, "
                + "description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (file_unique_id) DO NOTHING", a.fileUniqueId(), a.fileId(), a.fileSize(), a.mediaType(),
                a.metadata(), a.status(), a.mimeType(), a.localUrl(), a.prompt(), a.description(), now, now));
        if (inserted == 0) {
            throw new DuplicateKeyException(String.format("Media attachment '%s' is already stored in source '%s' "
                    + "(%s); update the attachment to change it.", a.fileUniqueId(), source.name(), source.operation()));
        }
    }

    @Override
    public boolean updateMediaAttachment(String fileUniqueId, MediaUpdate changes) {
        MediaUpdate c = changes;
        // One statement for every combination of given fields: a null parameter keeps the stored value.
        return source.write(s -> s.update("UPDATE media_attachments SET "
                + "file_id = coalesce(?, file_id), file_size = coalesce(?, file_size), "
                + "media_type = coalesce(?, media_type), metadata = coalesce(?, metadata), "
                + "status = coalesce(?, status), mime_type = coalesce(?, mime_type), "
                + "local_url = coalesce(?, local_url), prompt = coalesce(?, prompt), "
                + "description = coalesce(?, description), updated_at = ? WHERE file_unique_id = ?",
                c.fileId(), c.fileSize(), c.mediaType(), c.metadata(), c.status(), c.mimeType(), c.localUrl(),
                c.prompt(), c.description(), SqliteTime.now(), fileUniqueId)) > 0;
    }

    @Override
    public Optional<MediaAttachment> getMediaAttachment(String fileUniqueId) {
        return source.read(s -> s.queryOne("SELECT file_unique_id, file_id, file_size, "
                + "media_type, metadata, status, mime_type, local_url, prompt, description, created_at, updated_at "
                + "FROM media_attachments WHERE file_unique_id = ?", SqliteMedia::mapMedia, fileUniqueId));
    }

    private static MediaAttachment mapMedia(ResultSet row) throws SQLException {
        return new MediaAttachment(row.getString(1), row.getString(2), JdbcSession.nullableLong(row, 3),
                SqliteRows.storedValue(MessageType.class, row.getString(4)), row.getString(5), SqliteRows.storedValue(MediaStatus.class, row.getString(6)),
                row.getString(7), row.getString(8), row.getString(9), row.getString(10), SqliteRows.instant(row, 11),
                SqliteRows.instant(row, 12));
    }
}
