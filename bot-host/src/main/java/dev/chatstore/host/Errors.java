package dev.chatstore.host;

import dev.chatstore.storage.spi.StorageConfigException;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.UnknownSourceException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Maps a failure to the host's exit code and the lines printed on stderr. */
final class Errors {
    private Errors() {
    }

    /**
     * 2 for bad usage or configuration (command line, config file, an unknown source name, a missing storage type, a
     * source that cannot be opened at start: {@link HostFailure}s say which); 1 for everything that failed while
     * doing the work (storage errors, a readonly refusal, I/O, bugs).
     */
    static int exitCode(Throwable failure) {
        if (failure instanceof HostFailure host) {
            return host.exitCode();
        }
        if (failure instanceof CommandLine.ParameterException
                || failure instanceof StorageConfigException
                || failure instanceof UnknownSourceException) {
            return ExitCode.USAGE;
        }
        return ExitCode.FAILED;
    }

    /**
     * What to print: one line naming what failed and what to do, then, for a failure with several problems (an
     * invalid config, several sources that cannot be opened), one indented line per problem.
     */
    static List<String> describe(Throwable failure) {
        List<String> lines = new ArrayList<>();
        if (failure instanceof StorageConfigException config) {
            lines.add("Invalid configuration (" + config.problems().size()
                    + (config.problems().size() == 1 ? " problem" : " problems")
                    + "); fix the config file and run check-config:");
            config.problems().forEach(problem -> lines.add("  - " + oneLine(problem)));
            return lines;
        }
        if (failure instanceof HostFailure host) {
            lines.add(oneLine(host.getMessage()));
            host.problems().forEach(problem -> lines.add("  - " + oneLine(problem)));
            return lines;
        }
        if (failure instanceof StorageException) {
            lines.add(oneLine(failure.getMessage()));
            return lines;
        }
        lines.add("Unexpected " + failure.getClass().getSimpleName() + ": " + oneLine(String.valueOf(failure.getMessage()))
                + " (run with -v for the stack trace)");
        return lines;
    }

    /** Prints a failure: its lines, and the stack trace when {@code verbose}. */
    static void print(Throwable failure, PrintWriter err, boolean verbose) {
        List<String> lines = describe(failure);
        err.println("Error: " + lines.get(0));
        lines.subList(1, lines.size()).forEach(err::println);
        if (verbose) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
    }

    /** The message on one line, with its cause's message appended when it adds something. */
    static String oneLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        Throwable cause = failure.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + ": " + cause.getMessage();
        }
        return oneLine(message);
    }

    /** The text on one line, control characters escaped (it may carry titles or names from the data). */
    static String oneLine(String text) {
        return ControlCharacters.escape(String.valueOf(text).strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
