package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.OperationDescriptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static java.util.Objects.requireNonNull;

/**
 * {@link ChainMetrics} on a Micrometer registry. Meters are registered on first use and then cached here per
 * (operation, source), so a call costs two map lookups and one {@link Timer#record}, not Micrometer's id lookup.
 * Thread-safe.
 *
 * <ul>
 *   <li>{@value #OPERATION}: timer, tags {@code source}, {@code operation}, {@code access} (read/write),
 *       {@code outcome} (ok, readonly, unavailable, error);</li>
 *   <li>{@value #FAN_OUT_SOURCE}: timer of each source's share of a fan-out read, tags {@code source},
 *       {@code operation}, {@code outcome};</li>
 *   <li>{@value #FAN_OUT_SKIPPED}: counter of sources left out of a fan-out result, tags {@code source},
 *       {@code operation}, {@code reason} (timeout, error).</li>
 * </ul>
 */
final class MicrometerChainMetrics implements ChainMetrics {
    static final String OPERATION = "chatstore.operation";
    static final String FAN_OUT_SOURCE = "chatstore.fanout.source";
    static final String FAN_OUT_SKIPPED = "chatstore.fanout.skipped";
    private static final ChainMetrics.Outcome[] OUTCOMES = ChainMetrics.Outcome.values();

    private final MeterRegistry registry;
    /** operation name &rarr; source &rarr; one timer per outcome (filled in on first use). */
    private final Map<String, Map<String, AtomicReferenceArray<Timer>>> operations = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicReferenceArray<Timer>>> fanOut = new ConcurrentHashMap<>();

    /** @param registry where meters go; non-null */
    MicrometerChainMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
        warmUp(registry);
    }

    /**
     * Registers, records into and removes a throwaway timer, so Micrometer's (and the registry's) recording code is
     * loaded while the storage is built rather than inside the first call, which may have a deadline (a webhook's
     * first update answers within the server's idle timeout).
     */
    private static void warmUp(MeterRegistry registry) {
        Timer timer = Timer.builder("chatstore.warmup").register(registry);
        timer.record(1, TimeUnit.NANOSECONDS);
        registry.remove(timer);
    }

    static ChainMetrics global() {
        return new MicrometerChainMetrics(Metrics.globalRegistry);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void operation(OperationDescriptor operation, String source, Outcome outcome, long nanos) {
        AtomicReferenceArray<Timer> timers = operations.computeIfAbsent(operation.name(), name -> new ConcurrentHashMap<>())
                .computeIfAbsent(source, name -> new AtomicReferenceArray<Timer>(OUTCOMES.length));
        timer(timers, outcome, OPERATION, "Calls through the storage chain", source, operation.name(),
                operation.isWrite() ? "write" : "read").record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void fanOutSource(String operation, String source, Outcome outcome, long nanos) {
        AtomicReferenceArray<Timer> timers = fanOut.computeIfAbsent(operation, name -> new ConcurrentHashMap<>())
                .computeIfAbsent(source, name -> new AtomicReferenceArray<Timer>(OUTCOMES.length));
        timer(timers, outcome, FAN_OUT_SOURCE, "One source's share of a fan-out read", source, operation, null)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void skipped(String operation, String source, boolean timedOut) {
        Counter.builder(FAN_OUT_SKIPPED)
                .description("Sources left out of a fan-out read's result (on-source-failure = \"skip\")")
                .tag("source", source).tag("operation", operation).tag("reason", timedOut ? "timeout" : "error")
                .register(registry).increment();
    }

    private Timer timer(AtomicReferenceArray<Timer> timers, Outcome outcome, String name, String description, String source,
            String operation, String access) {
        Timer timer = timers.get(outcome.ordinal());
        if (timer == null) {
            // A race registers the same meter twice; Micrometer hands back the one instance both times.
            Timer.Builder builder = Timer.builder(name).description(description)
                    .tag("source", source).tag("operation", operation).tag("outcome", outcome.tag());
            if (access != null) {
                builder.tag("access", access);
            }
            timer = builder.register(registry);
            timers.set(outcome.ordinal(), timer);
        }
        return timer;
    }

    @Override
    public String toString() {
        return "MicrometerChainMetrics[" + registry.getClass().getSimpleName() + "]";
    }
}
