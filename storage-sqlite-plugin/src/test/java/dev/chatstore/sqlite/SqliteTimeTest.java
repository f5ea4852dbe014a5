package dev.chatstore.sqlite;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteTimeTest {
    @Test
    void timestampsAreUtcTextWithWholeSeconds() {
        Instant instant = Instant.parse("2024-02-29T23:59:07Z");
        assertThat(SqliteTime.format(instant)).isEqualTo("2024-02-29 23:59:07");
        assertThat(SqliteTime.format(Instant.parse("1969-12-31T23:59:59Z"))).isEqualTo("1969-12-31 23:59:59");
        assertThat(SqliteTime.day(instant)).isEqualTo("2024-02-29 00:00:00");
        assertThat(SqliteTime.parse("2024-02-29 23:59:07")).isEqualTo(instant);
    }

    @Test
    void formsTheOriginalMayHaveWrittenAreRead() {
        Instant instant = Instant.parse("2024-02-29T23:59:07Z");
        assertThat(SqliteTime.parse("2024-02-29 23:59:07.123456")).isEqualTo(instant);
        assertThat(SqliteTime.parse("2024-02-29T23:59:07")).isEqualTo(instant);
        assertThat(SqliteTime.parse("2024-02-29 23:59:07+00:00")).isEqualTo(instant);
        assertThat(SqliteTime.parse("2024-03-01 01:59:07+02:00")).isEqualTo(instant);
        assertThat(SqliteTime.parse("2024-02-29T23:59:07Z")).isEqualTo(instant);
        assertThat(SqliteTime.parse("2024-02-29")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(SqliteTime.parse(String.valueOf(instant.getEpochSecond()))).isEqualTo(instant);
        assertThat(SqliteTime.parse(null)).isNull();
        assertThat(SqliteTime.parseOrEpoch(null)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void textThatIsNoTimestampIsRefused() {
        assertThatThrownBy(() -> SqliteTime.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> SqliteTime.parse("2024-13-01 00:00:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
