package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.SizeGauge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sizes an SQLite file source publishes as metrics: the database file and its write-ahead log (which grows
 * between checkpoints; a WAL that keeps growing means a reader holds a snapshot open and checkpoints cannot finish).
 * In-memory databases have neither.
 */
final class SqliteFileSizes {
    static final String FILE_SIZE = "chatstore.sqlite.file.size";
    static final String WAL_SIZE = "chatstore.sqlite.wal.size";

    private SqliteFileSizes() {
    }

    static void declare(JdbcSource.Builder source, Path file) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        source.sizeGauge(new SizeGauge(FILE_SIZE, "Size of the source's SQLite database file", () -> size(file)));
        source.sizeGauge(new SizeGauge(WAL_SIZE, "Size of the source's SQLite write-ahead log (-wal file)",
                () -> size(wal)));
    }

    /** The file's size, 0 when it is not there (a WAL between sessions, a file being replaced). */
    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }
}
