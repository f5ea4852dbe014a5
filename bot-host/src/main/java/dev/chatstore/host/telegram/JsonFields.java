package dev.chatstore.host.telegram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads of Bot API fields that throw {@link MalformedUpdateException} naming the field's path. A JSON
 * {@code null} counts as absent, as the Bot API omits optional fields rather than sending null.
 */
final class JsonFields {
    private static final int MAX_SHOWN = 40;

    private JsonFields() {
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    static JsonNode get(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() ? null : value;
    }

    static long requireLong(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        if (value == null) {
            throw new MalformedUpdateException(path(parentPath, field), "an integer", describe(parent.get(field)));
        }
        return asLong(value, path(parentPath, field));
    }

    static Long optLong(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        return value == null ? null : asLong(value, path(parentPath, field));
    }

    static Integer optInt(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        throw new MalformedUpdateException(path(parentPath, field), "a 32-bit integer", describe(value));
    }

    static String optText(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return wellFormed(value.textValue(), path(parentPath, field));
        }
        throw new MalformedUpdateException(path(parentPath, field), "a string", describe(value));
    }

    /**
     * JSON may escape a lone surrogate ({@code "\ud800"}), which no UTF-8 store can keep; the store would refuse
     * the whole batch it is in, so the update is malformed here, alone.
     */
    private static String wellFormed(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MalformedUpdateException(path, "well-formed Unicode text",
                        String.format("a string with an unpaired UTF-16 surrogate (U+%04X at index %d)", (int) c, i));
            }
        }
        return text;
    }

    static String requireText(JsonNode parent, String field, String parentPath) {
        String text = optText(parent, field, parentPath);
        if (text == null) {
            throw new MalformedUpdateException(path(parentPath, field), "a string", describe(parent.get(field)));
        }
        return text;
    }

    static boolean optBoolean(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        if (value == null) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        throw new MalformedUpdateException(path(parentPath, field), "true or false", describe(value));
    }

    static JsonNode optObject(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        if (value == null || value.isObject()) {
            return value;
        }
        throw new MalformedUpdateException(path(parentPath, field), "a JSON object", describe(value));
    }

    static JsonNode requireObject(JsonNode parent, String field, String parentPath) {
        JsonNode value = optObject(parent, field, parentPath);
        if (value == null) {
            throw new MalformedUpdateException(path(parentPath, field), "a JSON object", describe(parent.get(field)));
        }
        return value;
    }

    static JsonNode optArray(JsonNode parent, String field, String parentPath) {
        JsonNode value = get(parent, field);
        if (value == null || value.isArray()) {
            return value;
        }
        throw new MalformedUpdateException(path(parentPath, field), "a JSON array", describe(value));
    }

    private static long asLong(JsonNode value, String path) {
        // Big numbers parse as BigIntegerNode; canConvertToLong() is false beyond the 64-bit range.
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        throw new MalformedUpdateException(path, "an integer within the 64-bit range", describe(value));
    }

    /** How a found value reads in an error message: its JSON kind and a short excerpt. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing (the field is missing)";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string \"" + shorten(value.textValue()) + "\"";
        }
        if (value.isNumber()) {
            return (value.isIntegralNumber() ? "integer " : "number ") + shorten(value.asText());
        }
        if (value.isBoolean()) {
            return "boolean " + value.booleanValue();
        }
        if (value.isArray()) {
            return "an array";
        }
        return value.isObject() ? "an object" : value.getNodeType().toString().toLowerCase();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}
