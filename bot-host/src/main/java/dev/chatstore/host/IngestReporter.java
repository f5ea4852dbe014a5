package dev.chatstore.host;

import dev.chatstore.host.telegram.IngestListener;

import java.io.PrintWriter;

/**
 * Tells the operator, on stderr, what an ingest skipped: malformed lines with their line numbers, each chat whose
 * source refused the writes (with the readonly guard's message), and failed writes. After {@value #MAX_REPORTED}
 * lines of one kind the rest are only counted in the summary. Moves the progress bar.
 */
final class IngestReporter implements IngestListener {
    static final int MAX_REPORTED = 50;

    private final PrintWriter err;
    private final Progress progress;
    private int malformed;
    private int refused;
    private int failed;

    IngestReporter(PrintWriter err, Progress progress) {
        this.err = err;
        this.progress = progress;
    }

    @Override
    public void onMalformed(long line, String reason) {
        if (++malformed <= MAX_REPORTED) {
            report("Warning: line " + line + ": malformed update skipped: " + Errors.oneLine(reason), malformed);
        }
    }

    @Override
    public void onRefused(long chatId, String source, String message) {
        if (++refused <= MAX_REPORTED) {
            report("Error: updates of chat " + chatId + " not stored (source '" + source + "'): "
                    + Errors.oneLine(message), refused);
        }
    }

    @Override
    public void onFailed(long line, String message) {
        if (++failed <= MAX_REPORTED) {
            report("Error: line " + line + ": storing failed: " + Errors.oneLine(message), failed);
        }
    }

    @Override
    public void onProgress(long linesRead) {
        progress.stepTo(linesRead);
    }

    private void report(String line, int count) {
        err.println(line);
        if (count == MAX_REPORTED) {
            err.println("(further lines of this kind are only counted in the summary)");
        }
        err.flush();
    }
}
