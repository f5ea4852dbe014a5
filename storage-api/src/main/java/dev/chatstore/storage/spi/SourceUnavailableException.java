package dev.chatstore.storage.spi;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A source could not be opened, or did not answer within its {@code timeout}. For a fan-out read under
 * {@code on-source-failure = "fail"} it carries what the other sources returned.
 */
public class SourceUnavailableException extends StorageException {
    private final String sourceName;
    private final Object partialResult;

    public SourceUnavailableException(String sourceName, String message, Throwable cause) {
        this(sourceName, message, cause, null);
    }

    public SourceUnavailableException(String sourceName, String message, Throwable cause, Object partialResult) {
        super(message, cause);
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
        this.partialResult = partialResult;
    }

    public String sourceName() {
        return sourceName;
    }

    /**
     * The merged result of the sources that did answer, of the operation's own return type, when this was thrown
     * by a fan-out read; empty otherwise.
     */
    public Optional<Object> partialResult() {
        return Optional.ofNullable(partialResult);
    }
}
