package dev.chatstore.storage.jdbc;

import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * A backend's size gauge for one source ({@link JdbcSource.Builder#sizeGauge}), for example the SQLite file and its
 * WAL. Registered in bytes and tagged with the source name when Micrometer is present; otherwise never read.
 *
 * @param name        the meter name, dotted, for example {@code chatstore.sqlite.file.size}; non-null
 * @param description one line for the metrics page; non-null
 * @param bytes       the current size; called on the scraping thread, so it must be cheap, thread-safe and not
 *                    throw (return 0 for a file that is not there)
 */
public record SizeGauge(String name, String description, LongSupplier bytes) {
    public SizeGauge {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(bytes, "bytes is null");
    }
}
