package dev.chatstore.host;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

import java.util.TimeZone;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The host's logging, set up in code (found by logback through {@code META-INF/services}) instead of from an XML
 * file: logback's XML reader is about a fifth of a short command's start. Logs go to stderr only (stdout carries
 * the command's output for pipes and scripts), Chatstore at INFO and libraries at WARN ({@link Logging} raises both
 * with {@code -v}), one line per event: {@code HH:mm:ss.SSS LEVEL Logger - message}, the message with control
 * characters escaped ({@link ControlCharacters}: log lines carry chat titles and paths from outside), a stack trace
 * after it when the event has one. {@code -Dlogback.configurationFile=FILE} still wins: this configurator then
 * steps aside. Logback calls it once, at startup.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class HostLogConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LineEncoder encoder = new LineEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger("dev.chatstore").setLevel(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * One event as one line of UTF-8 (its stack trace after it); thread-safe (no state). The time of day comes from
     * {@link TimeZone}'s offset rather than java.time's zone rules: finding those rules the first time scans every
     * jar on the class path for other rule providers, a twentieth of a short command's start (the same local time,
     * daylight saving included).
     */
    static final class LineEncoder extends EncoderBase<ILoggingEvent> {
        private static final long DAY_MILLIS = 86_400_000L;

        @Override
        public byte[] headerBytes() {
            return null;
        }

        @Override
        public byte[] encode(ILoggingEvent event) {
            return line(event).getBytes(UTF_8);
        }

        @Override
        public byte[] footerBytes() {
            return null;
        }

        static String line(ILoggingEvent event) {
            return line(event, TimeZone.getDefault());
        }

        static String line(ILoggingEvent event, TimeZone zone) {
            long millis = event.getTimeStamp();
            int ofDay = (int) Math.floorMod(millis + zone.getOffset(millis), DAY_MILLIS);
            StringBuilder line = new StringBuilder(128);
            two(line, ofDay / 3_600_000).append(':');
            two(line, ofDay / 60_000 % 60).append(':');
            two(line, ofDay / 1000 % 60).append('.');
            int milli = ofDay % 1000;
            line.append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10))
                    .append((char) ('0' + milli % 10)).append(' ');
            String level = event.getLevel().toString();
            line.append(level);
            for (int i = level.length(); i < 5; i++) {
                line.append(' ');
            }
            String logger = event.getLoggerName();
            line.append(' ').append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(" - ")
                    .append(ControlCharacters.escape(event.getFormattedMessage())).append(CoreConstants.LINE_SEPARATOR);
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
            }
            return line.toString();
        }

        private static StringBuilder two(StringBuilder line, int value) {
            return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }
    }
}
