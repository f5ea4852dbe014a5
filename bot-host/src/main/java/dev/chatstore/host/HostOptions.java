package dev.chatstore.host;

import java.nio.file.Path;

/**
 * The global command-line options, as given.
 *
 * @param config  {@code --config}, or null
 * @param db      {@code --db}, or null
 * @param plugins {@code --plugins}, or null
 * @param verbose {@code -v}: debug logging and stack traces
 */
public record HostOptions(Path config, Path db, Path plugins, boolean verbose) {
}
