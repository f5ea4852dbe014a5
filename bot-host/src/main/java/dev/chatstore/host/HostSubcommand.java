package dev.chatstore.host;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every command shares: the global options, the output streams and starting the host. */
abstract class HostSubcommand implements Callable<Integer> {
    @ParentCommand
    HostCommand host;

    @Spec
    CommandSpec spec;

    /** The command's output: tables or JSON. Logs and errors go to stderr. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    HostSetup setup() {
        return HostSetup.resolve(host.options());
    }

    /** Starts the host; the caller closes it. */
    HostRuntime startRuntime() {
        return HostRuntime.start(setup());
    }
}
