package dev.chatstore.host;

/** The host's process exit codes, as spec/host.md defines them. */
public final class ExitCode {
    /** The command did its work. */
    public static final int OK = 0;
    /** The work failed, or failed in part (for example an ingest that stored some updates and refused others). */
    public static final int FAILED = 1;
    /** Bad usage or bad configuration: nothing was attempted. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
