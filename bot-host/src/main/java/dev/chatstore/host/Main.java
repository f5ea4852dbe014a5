package dev.chatstore.host;

import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Entry point of {@code java -jar bot-host.jar}: runs one command and exits with its code (0, 1 or 2). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: chat text has emoji and non-Latin scripts, and a POSIX locale would print '?'.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, UTF_8)), true);
        PrintWriter err = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.err, UTF_8)), true);
        int exitCode = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** Runs one command line with the given streams; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        HostCommand host = new HostCommand();
        CommandLine commandLine = new CommandLine(host);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(parseResult -> {
            Logging.verbose(host.verbose());
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((failure, command, parseResult) -> {
            Errors.print(failure, command.getErr(), host.verbose());
            return Errors.exitCode(failure);
        });
        commandLine.setParameterExceptionHandler((failure, args) -> {
            PrintWriter stderr = failure.getCommandLine().getErr();
            stderr.println("Error: " + Errors.oneLine(failure.getMessage()));
            stderr.println("Run '" + failure.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            stderr.flush();
            return ExitCode.USAGE;
        });
        return commandLine;
    }
}
