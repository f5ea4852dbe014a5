package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.CallCheck;
import dev.chatstore.storage.spi.SourceUnavailableException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Refuses a call when the file at the source's path is gone or is another file than the one opened. SQLite keeps
 * using the file it opened: after a delete or a replace, reads would serve the vanished file and writes, in WAL
 * mode, would succeed into it and be lost. Writes check every time (a stat costs about a microsecond); reads at
 * most every {@value #READ_CHECK_INTERVAL_MS} ms, so a point read does not pay for it each time. A source that
 * serves a stand-in for a file not created yet checks nothing until {@link #watch()} (once the file exists).
 * Thread-safe.
 */
final class SqliteFileIdentity implements CallCheck {
    private static final long READ_CHECK_INTERVAL_MS = 100;

    private final String sourceName;
    private final Path file;
    /** The file's identity (device and inode) when opened; null while there is no file to watch. */
    private volatile Object fileKey;
    private volatile long fileCheckedAt = System.nanoTime();
    /** Set once a check failed: from then on every call checks (and fails until the file is back). */
    private volatile boolean fileSuspect;

    /** @param exists whether the file exists now (else nothing is checked until {@link #watch()}) */
    SqliteFileIdentity(String sourceName, Path file, boolean exists) {
        this.sourceName = sourceName;
        this.file = file;
        this.fileKey = exists ? identityAtOpen(file) : null;
    }

    /** From now on, checks that the file is the one at the path now (after the source switched to the file). */
    void watch() {
        fileKey = identityAtOpen(file);
        fileCheckedAt = System.nanoTime();
        fileSuspect = false;
    }

    @Override
    public void check(String operation, boolean always) {
        Object fileKey = this.fileKey;
        if (fileKey == null) {
            return;
        }
        long now = System.nanoTime();
        if (!always && !fileSuspect && now - fileCheckedAt < TimeUnit.MILLISECONDS.toNanos(READ_CHECK_INTERVAL_MS)) {
            return;
        }
        String problem;
        try {
            if (fileKey.equals(identity(file))) {
                fileCheckedAt = now;
                fileSuspect = false;
                return;
            }
            problem = "was replaced by another file";
        } catch (NoSuchFileException e) {
            problem = "was deleted or moved away";
        } catch (IOException e) {
            problem = "cannot be checked (" + e + ")";
        }
        fileSuspect = true;
        throw new SourceUnavailableException(sourceName, String.format("Source '%s' (%s): %s refused: the database "
                + "file %s while the source was open. SQLite would go on using the old file, and writes would be "
                + "lost with it, so every call is refused: put the database back at that path (or fix the config) "
                + "and restart.", sourceName, file, operation, problem), null);
    }

    private static Object identityAtOpen(Path file) {
        try {
            return identity(file);
        } catch (IOException e) {
            return file; // the pool just opened it; should a stat fail now, later checks still see a deletion
        }
    }

    /** Device and inode where the file system has them, else the path (which then only checks existence). */
    private static Object identity(Path file) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        return key != null ? key : file;
    }
}
