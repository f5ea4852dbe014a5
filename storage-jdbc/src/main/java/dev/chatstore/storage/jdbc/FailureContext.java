package dev.chatstore.storage.jdbc;

import dev.chatstore.storage.spi.SourceConfig;

import static java.util.Objects.requireNonNull;

/**
 * Who failed, for the one place that words a failure: the source, where it lives and the operation that ran.
 *
 * @param source    the source's config
 * @param location  its path or URL as shown to operators (never a password)
 * @param operation the SPI operation's name (from its {@link dev.chatstore.storage.spi.OperationDescriptor}), or
 *                  a lifecycle step such as {@code open}, {@code migrate} or {@code status}
 */
public record FailureContext(SourceConfig source, String location, String operation) {
    public FailureContext {
        requireNonNull(source, "source is null");
        requireNonNull(location, "location is null");
        requireNonNull(operation, "operation is null");
    }

    /** {@code Source 'primary' (/data/bot.db): addChatMessage}: how every message of the core begins. */
    public String prefix() {
        return String.format("Source '%s' (%s): %s", source.name(), location, operation);
    }

    /** The source's timeout as operators wrote it, for example {@code 30.0 s}. */
    public String timeoutText() {
        return source.timeout().toMillis() / 1000.0 + " s";
    }
}
