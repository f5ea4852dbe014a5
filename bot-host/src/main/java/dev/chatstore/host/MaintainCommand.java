package dev.chatstore.host;

import dev.chatstore.storage.spi.MaintenanceListener;
import dev.chatstore.storage.spi.MaintenanceRequest;
import dev.chatstore.storage.spi.MaintenanceResult;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StoreAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code maintain}: checkpoint and fresh planner statistics for writable sources; a compacted copy on request. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = {"Upkeep of sources: a WAL checkpoint that truncates the -wal file and fresh query-planner "
                + "statistics (ANALYZE) on each writable source (readonly sources are skipped); with --compact-to, "
                + "a compacted copy of one source (VACUUM INTO; readonly sources too), with progress on a terminal.",
            "Run it while the bot runs (readers keep reading; writers wait for the checkpoint), e.g. nightly.",
            "Exit code 1 when any source failed (the others are still maintained)."})
final class MaintainCommand extends HostSubcommand {
    /** One source's outcome: the steps done, or the error that stopped it. */
    record MaintenanceRow(String source, List<String> steps, String error) {
    }

    @Option(names = "--source", paramLabel = "NAME", description = "Only this source.")
    String source;

    @Option(names = "--checkpoint", description = "Only the checkpoint (with --analyze: both).")
    boolean checkpoint;

    @Option(names = "--analyze", description = "Only ANALYZE (with --checkpoint: both).")
    boolean analyze;

    @Option(names = "--compact-to", paramLabel = "FILE", description = "Write a compacted copy of the source "
            + "(--source, or the only one) to FILE, which must not exist; alone, nothing else is done.")
    Path compactTo;

    @Mixin
    JsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (HostRuntime runtime = startRuntime(); RuntimeShutdownHook hook = RuntimeShutdownHook.closing(runtime)) {
            StorageConfig config = runtime.config();
            List<String> names = source != null ? List.of(config.source(source).name()) : config.sourceNames();
            if (compactTo != null && names.size() != 1) {
                throw UsageError.of(spec, "--compact-to copies one source: name it with "
                        + "--source (configured: " + String.join(", ", names) + ")");
            }
            boolean routine = !checkpoint && !analyze && compactTo == null;
            List<MaintenanceRow> rows = new ArrayList<>();
            for (String name : names) {
                boolean writeSteps = routine || checkpoint || analyze;
                if (config.isReadonly(name) && writeSteps && compactTo == null) {
                    rows.add(new MaintenanceRow(name, List.of("skipped: readonly"), null));
                    continue;
                }
                MaintenanceRequest request = new MaintenanceRequest(routine || checkpoint, routine || analyze,
                        compactTo == null ? null : compactTo.toAbsolutePath().normalize());
                rows.add(maintain(runtime, name, request));
            }
            print(rows);
            return rows.stream().anyMatch(row -> row.error() != null) ? ExitCode.FAILED : ExitCode.OK;
        }
    }

    private static MaintenanceRow maintain(HostRuntime runtime, String name, MaintenanceRequest request) {
        Optional<StoreAdmin> admin = runtime.storage().admin(name);
        if (admin.isEmpty()) {
            return new MaintenanceRow(name, List.of(), "its storage type has no maintenance steps");
        }
        try (CopyProgress progress = new CopyProgress()) {
            MaintenanceResult result = admin.get().maintain(request, progress);
            return new MaintenanceRow(name, result.steps(), null);
        } catch (RuntimeException e) {
            return new MaintenanceRow(name, List.of(), Errors.oneLine(e));
        }
    }

    private void print(List<MaintenanceRow> rows) {
        if (output.json) {
            Json.print(out(), rows);
            return;
        }
        for (MaintenanceRow row : rows) {
            row.steps().forEach(step -> out().println("Source '" + row.source() + "': " + step));
        }
        out().flush();
        rows.stream().filter(row -> row.error() != null)
                .forEach(row -> err().println("Error: maintaining source '" + row.source() + "' failed: "
                        + row.error()));
        err().flush();
    }

    /** A progress bar in MiB for the compacted copy, started at the first report. */
    private static final class CopyProgress implements MaintenanceListener, AutoCloseable {
        private Progress bar;

        @Override
        public synchronized void progress(String step, long done, long total) {
            if (bar == null) {
                bar = Progress.start("Compacting", total < 0 ? -1 : mib(total), "MiB");
            }
            bar.stepTo(mib(done));
        }

        private static long mib(long bytes) {
            return (bytes + (1 << 20) - 1) >> 20;
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
