package dev.chatstore.sqlite;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as the original bot stores them: text {@code YYYY-MM-DD HH:MM:SS} in UTC. Parsing is lenient
 * because files written by the original (Python's {@code str(datetime)}) may carry a fraction or an offset.
 */
final class SqliteTime {
    private SqliteTime() {
    }

    /**
     * The general formatter, for years outside 1000-9999 only. A holder, because building a DateTimeFormatter loads
     * and initializes some 50 java.time classes, which a cold JVM otherwise did inside the first write (issue 18).
     */
    private static final class Wide {
        static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@link #now()} in its stored form, for a write that binds it several times (formatted once). */
    static String nowText() {
        return format(now());
    }

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(days);
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            return Wide.TEXT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        char[] text = new char[19];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = ' ';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Midnight (UTC) of the day of {@code instant}: the key of {@code chat_stats} rows. */
    static String day(Instant instant) {
        return format(instant.truncatedTo(ChronoUnit.DAYS));
    }

    /**
     * Reads a stored timestamp; null stays null.
     *
     * @throws IllegalArgumentException if the text is no timestamp
     */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        if (isPlain(text) && number(text, 11, 2) < 24 && number(text, 14, 2) < 60 && number(text, 17, 2) < 60) {
            // The stored form, read on every row: parsed by hand, the general parsers cost more than the query.
            try {
                long day = LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2)).toEpochDay();
                return Instant.ofEpochSecond(day * 86_400 + number(text, 11, 2) * 3600L + number(text, 14, 2) * 60L
                        + number(text, 17, 2));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("Stored timestamp '" + text + "' is no valid date", e);
            }
        }
        String value = text.trim();
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        value = value.replace(' ', 'T');
        try {
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value.length() == 10 ? value + "T00:00:00Z" : value)
                        .toInstant().truncatedTo(ChronoUnit.SECONDS);
            }
            if (value.length() == 10) {
                value = value + "T00:00:00";
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Stored timestamp '" + text + "' is not YYYY-MM-DD HH:MM:SS", e);
        }
    }

    private static boolean isPlain(String text) {
        if (text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    /** Like {@link #parse}, for columns the schema lets be null but records do not: null reads as the epoch. */
    static Instant parseOrEpoch(String text) {
        Instant instant = parse(text);
        return instant == null ? Instant.EPOCH : instant;
    }
}
