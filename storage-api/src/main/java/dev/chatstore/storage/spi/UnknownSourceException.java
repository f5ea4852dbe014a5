package dev.chatstore.storage.spi;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A caller named a source that is not configured. Chatstore never falls back to the default source. */
public class UnknownSourceException extends StorageException {
    private final String sourceName;
    private final List<String> availableSources;

    public UnknownSourceException(String sourceName, List<String> availableSources) {
        super(String.format("Source '%s' not found in configuration. Available sources: %s. "
                        + "Use one of these names or add the source to the [database.sources] table.",
                requireNonNull(sourceName, "sourceName is null"),
                String.join(", ", requireNonNull(availableSources, "availableSources is null"))));
        this.sourceName = sourceName;
        this.availableSources = List.copyOf(availableSources);
    }

    public String sourceName() {
        return sourceName;
    }

    /** The configured source names, in config order. */
    public List<String> availableSources() {
        return availableSources;
    }
}
