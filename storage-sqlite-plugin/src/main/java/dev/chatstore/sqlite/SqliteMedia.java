package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.DelayedTask;
import dev.chatstore.storage.spi.DuplicateKeyException;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaStatus;
import dev.chatstore.storage.spi.MediaUpdate;
import dev.chatstore.storage.spi.MessageType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The rows with no chat: {@code media_attachments} and {@code delayed_tasks}. */
final class SqliteMedia {
    private final SqliteSource source;

    SqliteMedia(SqliteSource source) {
        this.source = source;
    }

    void addMediaAttachment(MediaAttachment attachment) {
        requireNonNull(attachment, "attachment is null");
        MediaAttachment a = attachment;
        Instant now = SqliteTime.now();
        int inserted = source.write("addMediaAttachment", s -> s.update("INSERT INTO media_attachments "
                + "(file_unique_id, file_id, file_size, media_type, metadata, status, mime_type, local_url, prompt, "
                + "description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (file_unique_id) DO NOTHING", a.fileUniqueId(), a.fileId(), a.fileSize(), a.mediaType(),
                a.metadata(), a.status(), a.mimeType(), a.localUrl(), a.prompt(), a.description(), now, now));
        if (inserted == 0) {
            throw new DuplicateKeyException(String.format("Media attachment '%s' is already stored in source '%s' "
                    + "(addMediaAttachment); use updateMediaAttachment to change it.", a.fileUniqueId(), source.name()));
        }
    }

    boolean updateMediaAttachment(String fileUniqueId, MediaUpdate changes) {
        requireNonNull(fileUniqueId, "fileUniqueId is null");
        requireNonNull(changes, "changes is null");
        MediaUpdate c = changes;
        // One statement for every combination of given fields: a null parameter keeps the stored value.
        return source.write("updateMediaAttachment", s -> s.update("UPDATE media_attachments SET "
                + "file_id = coalesce(?, file_id), file_size = coalesce(?, file_size), "
                + "media_type = coalesce(?, media_type), metadata = coalesce(?, metadata), "
                + "status = coalesce(?, status), mime_type = coalesce(?, mime_type), "
                + "local_url = coalesce(?, local_url), prompt = coalesce(?, prompt), "
                + "description = coalesce(?, description), updated_at = ? WHERE file_unique_id = ?",
                c.fileId(), c.fileSize(), c.mediaType(), c.metadata(), c.status(), c.mimeType(), c.localUrl(),
                c.prompt(), c.description(), SqliteTime.now(), fileUniqueId)) > 0;
    }

    Optional<MediaAttachment> getMediaAttachment(String fileUniqueId) {
        requireNonNull(fileUniqueId, "fileUniqueId is null");
        return source.read("getMediaAttachment", s -> s.queryOne("SELECT file_unique_id, file_id, file_size, "
                + "media_type, metadata, status, mime_type, local_url, prompt, description, created_at, updated_at "
                + "FROM media_attachments WHERE file_unique_id = ?", SqliteMedia::mapMedia, fileUniqueId));
    }

    void addDelayedTask(String id, String function, String kwargs, Instant delayedTs) {
        requireNonNull(id, "id is null");
        requireNonNull(function, "function is null");
        requireNonNull(kwargs, "kwargs is null");
        requireNonNull(delayedTs, "delayedTs is null");
        Instant now = SqliteTime.now();
        int inserted = source.write("addDelayedTask", s -> s.update("INSERT INTO delayed_tasks (id, delayed_ts, "
                + "function, kwargs, is_done, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", id, delayedTs.getEpochSecond(), function, kwargs, now, now));
        if (inserted == 0) {
            throw new DuplicateKeyException(String.format("Delayed task '%s' is already stored in source '%s' "
                    + "(addDelayedTask); give every task a unique id.", id, source.name()));
        }
    }

    boolean updateDelayedTask(String id, boolean isDone) {
        requireNonNull(id, "id is null");
        return source.write("updateDelayedTask", s -> s.update("UPDATE delayed_tasks SET is_done = ?, updated_at = ? "
                + "WHERE id = ?", isDone, SqliteTime.now(), id)) > 0;
    }

    List<DelayedTask> getPendingDelayedTasks() {
        return source.read("getPendingDelayedTasks", s -> s.queryList("SELECT id, delayed_ts, function, kwargs, "
                + "is_done, created_at, updated_at FROM delayed_tasks WHERE is_done = 0 ORDER BY delayed_ts, id",
                row -> new DelayedTask(row.getString(1), Instant.ofEpochSecond(row.getLong(2)), row.getString(3),
                        row.getString(4), row.getInt(5) != 0, SqliteSession.instant(row, 6),
                        SqliteSession.instant(row, 7))));
    }

    private static MediaAttachment mapMedia(ResultSet row) throws SQLException {
        return new MediaAttachment(row.getString(1), row.getString(2), SqliteSession.nullableLong(row, 3),
                SqliteSession.storedValue(MessageType.class, row.getString(4)), row.getString(5), SqliteSession.storedValue(MediaStatus.class, row.getString(6)),
                row.getString(7), row.getString(8), row.getString(9), row.getString(10), SqliteSession.instant(row, 11),
                SqliteSession.instant(row, 12));
    }
}
