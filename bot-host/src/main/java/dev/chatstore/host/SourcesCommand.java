package dev.chatstore.host;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

/** {@code sources}: one row per source with its state. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "One row per source: name, type, mode, pool size and connections in use, schema version, "
                + "chats, messages, library version, health, path.")
final class SourcesCommand extends HostSubcommand {
    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        try (HostRuntime runtime = startRuntime()) {
            List<SourceRow> rows = runtime.config().sources().stream()
                    .map(source -> SourceRow.of(source, runtime.status(source.name())))
                    .toList();
            if (output.json) {
                Json.print(out(), rows);
            } else {
                TextTable table = SourceRow.table();
                rows.forEach(row -> row.addTo(table));
                out().print(table.render());
                SourceRow.notes(rows).forEach(out()::println);
                out().flush();
            }
            return ExitCode.OK;
        }
    }
}
