package dev.chatstore.storage.routing;

import static java.util.Objects.requireNonNull;

/**
 * One row of a fan-out read, tagged with the source whose copy won de-duplication
 * ({@link Storage#fanOutWithSources}).
 *
 * @param sourceName the source the row came from, non-null
 * @param value      the row, non-null
 */
public record Sourced<T>(String sourceName, T value) {
    public Sourced {
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(value, "value is null");
    }
}
