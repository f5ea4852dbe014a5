package dev.chatstore.sqlite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Removes the empty {@code -wal} and the {@code -shm} that SQLite leaves beside a WAL-mode file after a read-only
 * connection closes: a read-only connection may create both (it needs the shared-memory index to read a WAL file)
 * but is not allowed to delete them, so every read of a readonly archive would leave them for good.
 *
 * <p>They are removed only when nothing can still need them: the {@code -wal} is empty (a non-empty one holds
 * commits that are not in the database yet), and no process has the file open, which this class learns the way
 * SQLite does: every connection to a WAL file holds a shared lock on the "dead man switch" byte of the {@code -shm}
 * ({@value #DMS_OFFSET}), so an exclusive lock on that byte succeeds only when there is none. Otherwise the files
 * stay, as SQLite itself would leave them. Called after every connection of this source is closed. Thread-safe.
 */
final class SqliteWalLeftovers {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteWalLeftovers.class);
    /** SQLite's unix VFS: 8 lock bytes from offset 120 of the -shm, then the DMS byte. */
    static final long DMS_OFFSET = 128;

    private SqliteWalLeftovers() {
    }

    /** Whether neither {@code -wal} nor {@code -shm} exists beside {@code database}. */
    static boolean absent(Path database) {
        return !Files.exists(sibling(database, "-wal")) && !Files.exists(sibling(database, "-shm"));
    }

    static void remove(Path database) {
        Path wal = sibling(database, "-wal");
        Path shm = sibling(database, "-shm");
        try {
            if (!Files.isRegularFile(shm) || (Files.exists(wal) && Files.size(wal) > 0)) {
                return;
            }
            try (FileChannel channel = FileChannel.open(shm, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock(DMS_OFFSET, 1, false);
                if (lock == null) {
                    return; // another process reads or writes the file; its SQLite owns these files
                }
                try {
                    Files.deleteIfExists(wal);
                    Files.deleteIfExists(shm);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException | OverlappingFileLockException e) {
            LOG.debug("Left {} and {} in place: {}", wal, shm, e.toString());
        }
    }

    private static Path sibling(Path database, String suffix) {
        return database.resolveSibling(database.getFileName() + suffix);
    }
}
