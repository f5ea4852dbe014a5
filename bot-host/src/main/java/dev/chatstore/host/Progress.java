package dev.chatstore.host;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on stderr for long work, shown only when the process has a terminal; silent when output goes to a
 * pipe, a file or a test harness. Not thread-safe.
 */
final class Progress implements AutoCloseable {
    private static final Progress SILENT = new Progress(null);

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * @param total the number of steps, or -1 when unknown (an indefinite bar)
     */
    static Progress start(String task, long total, String unit) {
        if (System.console() == null) {
            return SILENT;
        }
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err));
        return new Progress(builder.build());
    }

    void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
