package dev.chatstore.host;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * logback's {@code %msg} with control characters escaped ({@link ControlCharacters}): log lines carry chat titles
 * and file names from data the host does not control. Registered in {@code logback.xml}; thread-safe.
 */
public final class SafeMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return ControlCharacters.escape(super.convert(event));
    }
}
