package dev.chatstore.host;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@code -v}: {@link HostLogConfigurator} logs Chatstore at INFO and libraries at WARN; verbose raises both a step. */
final class Logging {
    private Logging() {
    }

    static void verbose(boolean verbose) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!verbose || !(factory instanceof LoggerContext context)) {
            return;
        }
        context.getLogger("dev.chatstore").setLevel(Level.DEBUG);
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
    }
}
