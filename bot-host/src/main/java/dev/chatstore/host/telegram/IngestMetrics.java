package dev.chatstore.host.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@value #UPDATES}: a counter of ingested updates, tags {@code source} (where the message went; {@code none} for
 * an update that reached no source: ignored kinds and malformed input) and {@code outcome} (stored, duplicate,
 * edited, refused, failed, ignored, malformed), in Micrometer's global registry ({@code serve} adds its Prometheus
 * registry to it). Counters are registered on first use and then cached per (source, outcome): a webhook update
 * costs two map lookups rather than Micrometer's id lookup. Thread-safe.
 */
final class IngestMetrics {
    static final String UPDATES = "chatstore.ingest.updates";
    static final String NO_SOURCE = "none";
    // The global registry is a composite: a counter cached here also counts into registries added later (serve's).
    private static final Map<String, Map<String, Counter>> COUNTERS = new ConcurrentHashMap<>();

    private IngestMetrics() {
    }

    /** Counts what one ingest (a file, or one webhook update) did, per source and outcome. */
    static void record(IngestSummary summary) {
        summary.sources().forEach((source, counts) -> {
            add(source, "stored", counts.messagesStored());
            add(source, "duplicate", counts.duplicates());
            add(source, "edited", counts.edited());
            add(source, "refused", counts.refused());
            add(source, "failed", counts.failed());
        });
        add(NO_SOURCE, "ignored", summary.ignored());
        add(NO_SOURCE, "malformed", summary.malformed());
    }

    /**
     * Loads the counting code now (registers and removes a throwaway counter), so the first webhook update does not
     * pay for it within the server's idle timeout.
     */
    static void warmUp() {
        Counter counter = Counter.builder("chatstore.warmup").register(Metrics.globalRegistry);
        counter.increment();
        Metrics.globalRegistry.remove(counter);
    }

    /** Counts one update that reached no source. */
    static void unrouted(String outcome) {
        add(NO_SOURCE, outcome, 1);
    }

    /** Counts one update's outcome at its source (a group commit counts per update, after its retries). */
    static void count(String source, String outcome) {
        add(source, outcome, 1);
    }

    private static void add(String source, String outcome, long count) {
        if (count > 0) {
            COUNTERS.computeIfAbsent(source, name -> new ConcurrentHashMap<>())
                    .computeIfAbsent(outcome, name -> Counter.builder(UPDATES)
                            .description("Telegram updates ingested, by target source and outcome")
                            .tag("source", source).tag("outcome", outcome).register(Metrics.globalRegistry))
                    .increment(count);
        }
    }
}
