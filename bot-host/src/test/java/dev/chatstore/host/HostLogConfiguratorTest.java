package dev.chatstore.host;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.LocalTime;
import java.time.ZoneId;

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
        String time = LocalTime.ofInstant(java.time.Instant.ofEpochMilli(event.getTimeStamp()), ZoneId.systemDefault())
                .toString();
        String line = HostLogConfigurator.LineEncoder.line(event);
        assertThat(line).isEqualTo(time.substring(0, 8) + "." + String.format("%03d", event.getTimeStamp() % 1000)
                + " INFO  HostRuntime - Chat evil\\x1B[2Jtitle renamed" + System.lineSeparator());
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
