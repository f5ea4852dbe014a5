package dev.chatstore.storage.spi;

import java.util.Arrays;

/** An enumeration stored in the database as a fixed lower-case text. */
public interface StoredValue {
    /** The text stored in the database, as the original bot writes it. */
    String value();

    /**
     * The constant of {@code type} whose stored text is {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that text; the message lists the known values
     */
    static <E extends Enum<E> & StoredValue> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.value().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(String.format("Unknown %s '%s', expected one of %s", type.getSimpleName(), value,
                Arrays.stream(type.getEnumConstants()).map(StoredValue::value).toList()));
    }
}
