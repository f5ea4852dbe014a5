package dev.chatstore.storage.config;

import dev.chatstore.storage.spi.StorageConfigException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Collects the problems of one configuration so they are all reported in a single {@link StorageConfigException},
 * and words values the same way for every message. Not thread-safe: one per read.
 */
final class Problems {
    private final List<String> problems = new ArrayList<>();

    void add(String format, Object... args) {
        problems.add(String.format(format, args));
    }

    void addAll(Collection<String> more) {
        problems.addAll(more);
    }

    List<String> list() {
        return List.copyOf(problems);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new StorageConfigException(problems);
        }
    }

    /** A config value as the operator wrote it: strings quoted, tables and arrays named rather than dumped. */
    static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof String text) {
            return '"' + text + '"';
        }
        if (value instanceof Map<?, ?>) {
            return "a table";
        }
        if (value instanceof Collection<?>) {
            return "an array";
        }
        return value.toString();
    }
}
