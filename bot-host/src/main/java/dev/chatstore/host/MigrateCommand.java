package dev.chatstore.host;

import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StoreAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code migrate}: brings writable sources to the newest schema and checks readonly ones. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Brings writable sources to the newest schema and reports each source's version before and "
                + "after; readonly sources are checked, never changed.",
            "Exit code 1 when any source failed (the others are still migrated)."})
final class MigrateCommand extends HostSubcommand {
    @Option(names = "--source", paramLabel = "NAME", description = "Only this source.")
    String source;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        try (HostRuntime runtime = startRuntime(); RuntimeShutdownHook hook = RuntimeShutdownHook.closing(runtime)) {
            StorageConfig config = runtime.config();
            List<String> names = source != null ? List.of(config.source(source).name()) : config.sourceNames();
            List<MigrationRow> rows = new ArrayList<>();
            try (Progress progress = Progress.start("Migrating", names.size(), "sources")) {
                for (String name : names) {
                    rows.add(migrate(runtime, name, config.isReadonly(name)));
                    progress.step();
                }
            }
            print(rows);
            return rows.stream().anyMatch(row -> row.error() != null) ? ExitCode.FAILED : ExitCode.OK;
        }
    }

    private static MigrationRow migrate(HostRuntime runtime, String name, boolean readonly) {
        Optional<StoreAdmin> admin = runtime.storage().admin(name);
        if (admin.isEmpty()) {
            return MigrationRow.noMigrations(name, readonly);
        }
        try {
            MigrationResult result = admin.get().migrate();
            return MigrationRow.of(readonly, result);
        } catch (RuntimeException e) {
            return MigrationRow.failed(name, readonly, Errors.oneLine(e));
        }
    }

    private void print(List<MigrationRow> rows) {
        if (output.json) {
            Json.print(out(), rows);
            return;
        }
        TextTable table = MigrationRow.table();
        rows.forEach(row -> row.addTo(table));
        out().print(table.render());
        rows.forEach(row -> row.notes().forEach(note ->
                out().println("Source '" + row.source() + "': " + Errors.oneLine(note))));
        out().flush();
        rows.stream().filter(row -> row.error() != null)
                .forEach(row -> err().println("Error: migrating source '" + row.source() + "' failed: " + row.error()));
        err().flush();
    }
}
