package dev.chatstore.host;

import picocli.CommandLine.Option;

/** The {@code --json} option of every command that lists something. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;
}
