package dev.chatstore.host;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code sources}: one row per source with its state. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "One row per source: name, type, mode, pool size and connections in use, schema version, "
                + "chats and messages (with --count), library version, health, path.")
final class SourcesCommand extends HostSubcommand {
    @Mixin
    JsonOption output = new JsonOption();

    @Option(names = "--count", description = "Count each source's chats and messages (reads whole tables: seconds "
            + "on a file of millions of messages). Without it those columns are \"-\" (null in JSON).")
    boolean count;

    @Override
    int quickOption(String name, String value) {
        if (name.equals("--count")) {
            count = true;
            return 1;
        }
        return output.quickOption(name);
    }

    @Override
    public Integer call() {
        try (HostRuntime runtime = startRuntime()) {
            List<SourceRow> rows = runtime.config().sources().stream()
                    .map(source -> SourceRow.of(source, count ? runtime.statusWithCounts(source.name())
                            : runtime.status(source.name())))
                    .toList();
            if (output.json) {
                Json.print(out(), rows);
            } else {
                TextTable table = SourceRow.table();
                rows.forEach(row -> row.addTo(table));
                out().print(table.render());
                SourceRow.notes(rows).forEach(out()::println);
                if (!count) {
                    out().println("CHATS and MESSAGES are counted only with --count.");
                }
                out().flush();
            }
            return ExitCode.OK;
        }
    }
}
