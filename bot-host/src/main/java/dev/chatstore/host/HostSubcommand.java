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

    /** The streams when {@link QuickCommandLine} parsed the command (no picocli {@link #spec} then). */
    private PrintWriter out;
    private PrintWriter err;

    /** The command's output: tables or JSON. Logs and errors go to stderr. */
    PrintWriter out() {
        return out != null ? out : spec.commandLine().getOut();
    }

    PrintWriter err() {
        return err != null ? err : spec.commandLine().getErr();
    }

    void streams(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * {@link QuickCommandLine}: sets one of this command's own options (or its positional parameter) from its name
     * and the argument after it ({@code value}, null at the end of the line); returns the arguments used (1 for a
     * flag or a parameter, 2 for an option and its value), or 0 for an option it does not know or a value picocli
     * would not read the same way.
     */
    int quickOption(String name, String value) {
        return 0;
    }

    /** {@link QuickCommandLine}: whether the options set so far are complete and valid (else picocli reports). */
    boolean quickComplete() {
        return true;
    }

    HostSetup setup() {
        return HostSetup.resolve(host.options());
    }

    /** Starts the host; the caller closes it. */
    HostRuntime startRuntime() {
        return HostRuntime.start(setup());
    }
}
