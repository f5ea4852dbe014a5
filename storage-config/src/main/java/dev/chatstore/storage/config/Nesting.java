package dev.chatstore.storage.config;

import dev.chatstore.storage.spi.StorageConfigException;

/**
 * Refuses TOML whose arrays or inline tables nest deeper than a limit, before tomlj sees it: its recursive parser
 * (and the conversion to plain values) would otherwise end in a {@link StackOverflowError} on a hostile file. A
 * scan that skips strings and comments; table headers ({@code [a]}, {@code [[a]]}) count as their brackets, which
 * stays far below any limit.
 */
final class Nesting {
    private Nesting() {
    }

    /** @throws StorageConfigException naming the line where the limit was passed */
    static void check(String toml, int limit) {
        int depth = 0;
        int line = 1;
        int i = 0;
        int length = toml.length();
        while (i < length) {
            char c = toml.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '#') {
                while (i < length && toml.charAt(i) != '\n') {
                    i++;
                }
                continue;
            } else if (c == '"' || c == '\'') {
                boolean multiline = toml.startsWith(String.valueOf(c).repeat(3), i);
                String end = multiline ? String.valueOf(c).repeat(3) : String.valueOf(c);
                i += end.length();
                while (i < length && !toml.startsWith(end, i)) {
                    char inside = toml.charAt(i);
                    if (inside == '\n') {
                        line++;
                        if (!multiline) {
                            break; // an unterminated string: tomlj reports it
                        }
                    }
                    i += c == '"' && inside == '\\' ? 2 : 1;
                }
                i += end.length();
                continue;
            } else if (c == '[' || c == '{') {
                depth++;
                if (depth > limit) {
                    throw new StorageConfigException(String.format("TOML value at line %d is nested more than %d "
                            + "levels deep (arrays or inline tables); a config needs a handful, so flatten it", line,
                            limit));
                }
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
            i++;
        }
    }
}
