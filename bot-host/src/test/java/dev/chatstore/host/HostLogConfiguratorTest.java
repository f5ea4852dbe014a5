package dev.chatstore.host;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** The host's logging set up in code: where logback finds it, the levels, and the line it writes. */
class HostLogConfiguratorTest {
    private final LoggerContext context = new LoggerContext();

    @Test
    void logbackFindsItAndItSetsTheLevelsAndOneStderrAppender() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
        LoggerContext started = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(started.getLogger("dev.chatstore").getLevel()).isEqualTo(Level.INFO);
        assertThat(started.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        assertThat(started.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
    }

    @Test
    void aLineHasTimeLevelSimpleLoggerNameAndTheMessageWithControlCharactersEscaped() {
        LoggingEvent event = event(Level.INFO, "Chat {} renamed", null, "evil\u001b[2Jtitle");
        String time = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), ZoneId.systemDefault())
                .toString();
        String line = HostLogConfigurator.LineEncoder.line(event);
        assertThat(line).isEqualTo(time.substring(0, 8) + "." + String.format("%03d", event.getTimeStamp() % 1000)
                + " INFO  HostRuntime - Chat evil\\x1B[2Jtitle renamed" + System.lineSeparator());
    }

    /** The encoder reads the offset from TimeZone, not java.time's rules: the same local time, across a DST switch. */
    @Test
    void theTimeOfDayIsTheZonesLocalTimeOnBothSidesOfADaylightSavingSwitch() {
        TimeZone berlin = TimeZone.getTimeZone("Europe/Berlin");
        // 2024-03-31 00:59:59.999 UTC is 01:59:59.999 in winter time; a millisecond later it is 03:00 summer time.
        for (long millis : new long[] {1_711_846_799_999L, 1_711_846_800_000L, 1_700_000_000_123L, 0L, -1L}) {
            LoggingEvent event = event(Level.INFO, "tick", null);
            event.setTimeStamp(millis);
            LocalTime expected = LocalTime.ofInstant(Instant.ofEpochMilli(millis), berlin.toZoneId());
            assertThat(HostLogConfigurator.LineEncoder.line(event, berlin)).as("at %d", millis)
                    .startsWith(String.format("%02d:%02d:%02d.%03d INFO ", expected.getHour(), expected.getMinute(),
                            expected.getSecond(), expected.getNano() / 1_000_000));
        }
    }

    @Test
    void aThrowableFollowsTheLineWithItsStackTrace() {
        String line = HostLogConfigurator.LineEncoder.line(event(Level.WARN, "Failed", new IllegalStateException("boom")));
        assertThat(line).contains(" WARN  HostRuntime - Failed" + System.lineSeparator())
                .contains("java.lang.IllegalStateException: boom").contains("\tat ");
    }

    private LoggingEvent event(Level level, String message, Throwable thrown, Object... args) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("dev.chatstore.host.HostRuntime"), level,
                message, thrown, args);
        event.setTimeStamp(1_700_000_000_123L);
        return event;
    }
}
