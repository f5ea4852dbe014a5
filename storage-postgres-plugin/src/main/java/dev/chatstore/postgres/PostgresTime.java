package dev.chatstore.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as {@code TIMESTAMPTZ(0)}: UTC, whole seconds. Values are cut to whole seconds before they are bound,
 * as the SQLite backend's text form cuts them; PostgreSQL would round instead.
 */
final class PostgresTime {
    private PostgresTime() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static OffsetDateTime bindable(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    /** Midnight (UTC) of the day of {@code instant}: the key of {@code chat_stats} rows. */
    static Instant day(Instant instant) {
        return instant.truncatedTo(ChronoUnit.DAYS);
    }

    /** A column the schema lets be null but records do not: null reads as the epoch, as in the SQLite backend. */
    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? Instant.EPOCH : value.toInstant();
    }
}
