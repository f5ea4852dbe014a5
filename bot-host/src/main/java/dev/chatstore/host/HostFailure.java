package dev.chatstore.host;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A failure the host detected itself (not a storage error), with the exit code it ends the process with and, when
 * there is more than one cause, the list of problems to print under the message.
 */
public class HostFailure extends RuntimeException {
    private final int exitCode;
    private final List<String> problems;

    public HostFailure(int exitCode, String message) {
        this(exitCode, message, List.of(), null);
    }

    public HostFailure(int exitCode, String message, List<String> problems) {
        this(exitCode, message, problems, null);
    }

    public HostFailure(int exitCode, String message, List<String> problems, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.exitCode = exitCode;
        this.problems = List.copyOf(problems);
    }

    /** A usage or configuration problem: exit code {@link ExitCode#USAGE}. */
    public static HostFailure usage(String message) {
        return new HostFailure(ExitCode.USAGE, message);
    }

    public int exitCode() {
        return exitCode;
    }

    /** Further lines to print under the message, one problem each; often empty. */
    public List<String> problems() {
        return problems;
    }
}
