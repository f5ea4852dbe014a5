package dev.chatstore.host;

import picocli.CommandLine.Option;

/** The {@code --json} option of every command that lists something. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    /** {@link QuickCommandLine}: 1 when {@code name} is this option (now set), else 0. */
    int quickOption(String name) {
        if (name.equals("--json")) {
            json = true;
            return 1;
        }
        return 0;
    }
}
