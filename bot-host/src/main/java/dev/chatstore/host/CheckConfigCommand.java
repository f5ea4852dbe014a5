package dev.chatstore.host;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code check-config}: validates the config, loads the plugins, opens every source, prints the routing table. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Validates the config, loads the plugins, opens every source and prints the sources and the "
                + "routing table. Changes no file: a missing writable file is reported as created on the first write.",
            "Exit code 2 on any configuration problem, listing all of them."})
final class CheckConfigCommand extends HostSubcommand {
    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        try (HostRuntime runtime = HostRuntime.start(setup(), true)) {
            ConfigReport report = ConfigReport.of(runtime);
            if (output.json) {
                Json.print(out(), report);
            } else {
                out().print(report.format());
                out().flush();
            }
            return ExitCode.OK;
        }
    }
}
