package dev.chatstore.host.telegram;

import static java.util.Objects.requireNonNull;

/**
 * A Telegram {@code Update} that cannot be mapped: not a JSON object, a required field missing, or a field of the
 * wrong type or out of range. The message names the field by its path in the update (for example
 * {@code message.chat.id}), what was expected and what was found. Nothing was stored for the update.
 */
public class MalformedUpdateException extends RuntimeException {
    private final String field;

    public MalformedUpdateException(String field, String expected, String found) {
        super(String.format("field '%s': expected %s, found %s",
                requireNonNull(field, "field is null"), requireNonNull(expected, "expected is null"),
                requireNonNull(found, "found is null")));
        this.field = field;
    }

    /** The path of the offending field in the update, for example {@code edited_message.from.id}. */
    public String field() {
        return field;
    }
}
