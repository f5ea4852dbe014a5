package dev.chatstore.storage.spi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Stored timestamps have whole seconds (text {@code YYYY-MM-DD HH:MM:SS}, UTC); values are cut to match. */
final class Timestamps {
    private Timestamps() {
    }

    static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
