package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a database file before SQLite opens it, so that a file that is not SQLite or was cut short fails when
 * the source opens (naming source and path), not at its first query. Reads only the 100-byte header.
 */
final class SqliteFileCheck {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;

    private SqliteFileCheck() {
    }

    /**
     * @throws SourceUnavailableException if a readonly file is missing, or the file is not a whole SQLite database
     */
    static void check(SourceConfig source, Path path) {
        if (!Files.exists(path)) {
            if (source.readonly()) {
                throw unavailable(source, path, "the file does not exist. A readonly source is never created: check the path "
                        + "(relative paths resolve against the config file's folder) or make the source writable");
            }
            return;
        }
        if (!Files.isRegularFile(path)) {
            throw unavailable(source, path, "the path is not a regular file");
        }
        long size;
        byte[] header = new byte[HEADER_SIZE];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            size = Files.size(path);
            read = in.readNBytes(header, 0, HEADER_SIZE);
        } catch (IOException e) {
            throw new SourceUnavailableException(source.name(), String.format(
                    "Source '%s' (%s): cannot read the file: %s", source.name(), path, e), e);
        }
        if (size == 0) {
            return; // an empty file is an empty database
        }
        for (int i = 0; i < Math.min(read, MAGIC.length); i++) {
            if (header[i] != MAGIC[i]) {
                throw unavailable(source, path, "the file is not a SQLite database (its header is not 'SQLite format 3')");
            }
        }
        if (read < HEADER_SIZE) {
            throw unavailable(source, path, "the file is truncated: " + size + " bytes, shorter than SQLite's 100-byte header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(header);
        int pageSize = Short.toUnsignedInt(buffer.getShort(16));
        pageSize = pageSize == 1 ? 65_536 : pageSize;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw unavailable(source, path, "the file is damaged: its header gives an invalid page size " + pageSize);
        }
        int changeCounter = buffer.getInt(24);
        long pageCount = Integer.toUnsignedLong(buffer.getInt(28));
        int validFor = buffer.getInt(92);
        // A file whose WAL holds pages is completed by SQLite from the WAL; only a settled file is measured.
        if (validFor == changeCounter && pageCount > 0 && !hasWal(path) && size < pageCount * pageSize) {
            throw unavailable(source, path, String.format("the file is truncated: its header promises %d pages of %d bytes "
                    + "(%d bytes) but the file has %d bytes; restore it from a backup", pageCount, pageSize,
                    pageCount * pageSize, size));
        }
    }

    /**
     * Refuses a path holding {@code ?}: sqlite-jdbc reads what follows as connection options
     * ({@code arch.db?journal_mode=wal}), so SQLite would open another file than the one these checks look at.
     *
     * @throws SourceUnavailableException naming the source and the path
     */
    static void checkPath(SourceConfig source) {
        String path = SqliteStoreProvider.path(source);
        if (path.indexOf('?') >= 0) {
            throw new SourceUnavailableException(source.name(), String.format("Source '%s': path '%s' contains '?', "
                    + "which the SQLite driver reads as the start of connection options, not as part of the file "
                    + "name. Rename the file (and the path in the config) without '?'; connection settings come from "
                    + "the source's keys (readonly, pool-size, timeout)", source.name(), path), null);
        }
    }

    /** Whether the header marks the file as WAL mode (bytes 18 and 19 are 2); false when it cannot be read. */
    static boolean isWalMode(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] header = in.readNBytes(20);
            return header.length == 20 && header[18] == 2 && header[19] == 2;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasWal(Path path) {
        Path wal = path.resolveSibling(path.getFileName() + "-wal");
        try {
            return Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static SourceUnavailableException unavailable(SourceConfig source, Path path, String problem) {
        return new SourceUnavailableException(source.name(),
                String.format("Source '%s' (%s): %s", source.name(), path, problem), null);
    }
}
