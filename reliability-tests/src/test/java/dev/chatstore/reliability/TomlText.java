package dev.chatstore.reliability;

import java.math.BigInteger;
import java.util.Map;

/**
 * Renders a config tree (maps, strings, booleans, numbers, and {@link Raw} TOML literals) as the TOML text of a
 * {@code [database]} table, quoting and escaping whatever needs it, so that hostile values reach the parser as
 * exactly those values.
 */
final class TomlText {
    /** A TOML literal written as it is: {@code inf}, {@code 1979-05-27}, {@code [1, 2]}, an overflowing integer. */
    record Raw(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private TomlText() {
    }

    static String render(Map<String, Object> database, String trailer) {
        StringBuilder out = new StringBuilder("[database]\n");
        database.forEach((key, value) -> {
            if (!(value instanceof Map<?, ?>)) {
                out.append(key(key)).append(" = ").append(value(value)).append('\n');
            }
        });
        database.forEach((key, value) -> {
            if (value instanceof Map<?, ?> table) {
                renderTable("database." + key(key), table, out);
            }
        });
        return out.append(trailer).toString();
    }

    private static void renderTable(String header, Map<?, ?> table, StringBuilder out) {
        out.append('[').append(header).append("]\n");
        table.forEach((key, value) -> {
            if (!(value instanceof Map<?, ?>)) {
                out.append(key(String.valueOf(key))).append(" = ").append(value(value)).append('\n');
            }
        });
        table.forEach((key, value) -> {
            if (value instanceof Map<?, ?> inner) {
                renderTable(header + "." + key(String.valueOf(key)), inner, out);
            }
        });
    }

    static String key(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : string(key);
    }

    static String value(Object value) {
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof Double number) {
            if (number.isNaN()) {
                return "nan";
            }
            if (number.isInfinite()) {
                return number > 0 ? "inf" : "-inf";
            }
            return number.toString().replace("E", "e");
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer || value instanceof BigInteger
                || value instanceof Raw) {
            return value.toString();
        }
        throw new IllegalArgumentException("cannot render " + value);
    }

    /** A TOML basic string: quotes, backslashes and every control character escaped. */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
