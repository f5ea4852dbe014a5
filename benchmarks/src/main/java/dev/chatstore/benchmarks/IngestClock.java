package dev.chatstore.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times an ingest by segments of {@code segment} updates (the rate over the first and the last 100k is what the
 * flat-ingest target compares) and reads the process's peak RSS ({@code VmHWM}) at the end. Progress arrives at
 * batch boundaries, so a segment ends at the first batch at or past its boundary. Not thread-safe.
 */
final class IngestClock {
    private final String label;
    private final long segment;
    private final List<Double> segmentRates = new ArrayList<>();
    private long started;
    private long segmentStart;
    private long segmentFirst;
    private long count;
    private long finished;

    IngestClock(String label, long segment) {
        this.label = label;
        this.segment = segment;
    }

    void start() {
        started = System.nanoTime();
        segmentStart = started;
    }

    void progress(long updates) {
        long now = System.nanoTime();
        if (updates - segmentFirst >= segment) {
            segmentRates.add((updates - segmentFirst) / ((now - segmentStart) / 1e9));
            segmentStart = now;
            segmentFirst = updates;
        }
        count = updates;
        finished = now;
    }

    /** One JSON line: label, updates, seconds, rate, rate per segment, first/last segment ratio, peak RSS in MiB. */
    String summary() {
        if (count > segmentFirst) {
            segmentRates.add((count - segmentFirst) / ((finished - segmentStart) / 1e9));
        }
        double seconds = (finished - started) / 1e9;
        double first = segmentRates.isEmpty() ? 0 : segmentRates.get(0);
        double last = segmentRates.isEmpty() ? 0 : segmentRates.get(segmentRates.size() - 1);
        StringBuilder rates = new StringBuilder();
        for (double rate : segmentRates) {
            rates.append(rates.length() == 0 ? "" : ",").append(Math.round(rate));
        }
        return String.format(Locale.ROOT, "{\"run\":\"%s\",\"updates\":%d,\"seconds\":%.2f,\"per_second\":%d,"
                        + "\"segment\":%d,\"segment_rates\":[%s],\"last_to_first\":%.2f,\"peak_rss_mib\":%d}",
                label, count, seconds, Math.round(count / seconds), segment, rates, first == 0 ? 0 : last / first,
                peakRssMib());
    }

    static long peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
