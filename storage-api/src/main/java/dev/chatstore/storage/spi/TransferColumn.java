package dev.chatstore.storage.spi;

import static java.util.Objects.requireNonNull;

/**
 * One column of a {@link TransferTable}: its name (as in spec/schema.md, shared by every SQL backend) and the Java
 * type its values travel as between backends, whatever each engine stores. Immutable.
 */
public record TransferColumn(String name, Kind kind) {
    /** The portable form of a column's values; {@code null} is allowed for every kind. */
    public enum Kind {
        /** {@link Long}. */
        INTEGER,
        /** {@link Double}. */
        REAL,
        /** {@link String}. */
        TEXT,
        /** {@link Boolean}. */
        BOOLEAN,
        /** {@link java.time.Instant}, whole seconds, UTC. */
        TIMESTAMP
    }

    public TransferColumn {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }
}
