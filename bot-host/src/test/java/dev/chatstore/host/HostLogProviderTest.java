package dev.chatstore.host;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The process's SLF4J provider: the host's logging set up directly, or logback's own start with a config file. */
class HostLogProviderTest {
    private static final String CONFIG_FILE = "logback.configurationFile";

    @TempDir
    Path dir;

    private LoggerContext context;

    @AfterEach
    void stop() {
        System.clearProperty(CONFIG_FILE);
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void itSetsUpTheHostsLevelsAndOneStderrAppender() {
        context = started();

        assertThat(context.getLogger("dev.chatstore").getLevel()).isEqualTo(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("STDERR")).isNotNull();
        assertThat(root.iteratorForAppenders()).toIterable().hasSize(1);
    }

    @Test
    void aLogbackConfigFileGivenOnTheCommandLineStillWins() throws IOException {
        Path file = Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="FROM_FILE" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%level %msg%n</pattern></encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="FROM_FILE"/></root>
                </configuration>
                """);
        System.setProperty(CONFIG_FILE, file.toString());

        context = started();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(root.getAppender("FROM_FILE")).isNotNull();
        assertThat(root.getAppender("STDERR")).isNull();
    }

    private static LoggerContext started() {
        HostLogProvider provider = new HostLogProvider();
        provider.initialize();
        assertThat(provider.getMDCAdapter()).isNotNull();
        assertThat(provider.getMarkerFactory()).isNotNull();
        return (LoggerContext) provider.getLoggerFactory();
    }
}
