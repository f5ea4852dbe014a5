package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatKeyed;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.FanOutMerge;
import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.Route;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static java.util.Objects.requireNonNull;

/**
 * Third layer of the chain: runs a fan-out read on every source in parallel and merges the rows as its
 * {@link FanOutMerge} fact says ({@link ChatRowMerge}). Each source's share is bounded by that source's
 * {@code timeout}, counted from the moment the call starts; a source still running then is cancelled (interrupted)
 * and counts as failed. A failed source is skipped with one WARN naming it and the cause
 * ({@code on-source-failure = "skip"}), or fails the call with a {@link SourceUnavailableException} carrying the
 * merged rows of the others ({@code "fail"}). A source's {@link NullPointerException} or
 * {@link IllegalArgumentException} is the caller's mistake (a bad argument), not an outage, and is rethrown as is.
 *
 * <p>The executor belongs to this layer and dies with {@link #close()}: daemon threads named
 * {@code chatstore-fanout-N}, at least one per source (so one call's sources all run at once) and otherwise as many
 * as the sources have connections in total, capped at {@value #MAX_THREADS}; more would only wait for a connection.
 * Under load, tasks queue, and queueing time counts against each source's timeout.
 *
 * <p>Other operations are not this layer's: the router sends only fan-out reads here. Thread-safe.
 */
final class FanOutAggregator extends OperationHandler implements AutoCloseable {
    static final int MAX_THREADS = 64;
    private static final Logger LOG = LoggerFactory.getLogger(FanOutAggregator.class);

    private record Failure(String source, Throwable cause, boolean timedOut) {
    }

    private record Answers<R>(Map<String, R> results, List<Failure> failures) {
    }

    private final SourceStores sources;
    private final RoutingRules rules;
    private final Map<String, Long> timeoutNanos = new HashMap<>();
    private final ThreadPoolExecutor executor;

    /** @param sources the open source stores, asked in parallel */
    @Inject
    FanOutAggregator(SourceStores sources) {
        this.sources = requireNonNull(sources, "sources is null");
        this.rules = new RoutingRules(sources.config());
        for (SourceConfig source : sources.config().sources()) {
            timeoutNanos.put(source.name(), saturatedNanos(source));
        }
        this.executor = newExecutor(sources);
    }

    /** For tests: an aggregator over the given stores (one per configured source). */
    FanOutAggregator(StorageConfig config, Map<String, ChatStore> stores) {
        this(new SourceStores(config, stores));
    }

    @Override
    Object operation(OperationDescriptor operation, Object[] arguments) {
        if (operation.route() != Route.FAN_OUT) {
            throw new IllegalStateException(operation.name() + " is routed " + operation.route()
                    + "; only fan-out reads reach the aggregator");
        }
        Answers<Object> answers = collect(operation.name(),
                (name, store) -> forward(store, operation.method(), arguments));
        ChatRowMerge merge = new ChatRowMerge(rules);
        boolean isMap = operation.merge() == FanOutMerge.MAP_BY_CHAT_ID;
        answers.results().forEach((source, result) -> {
            if (isMap) {
                merge.offerMap(source, (Map<?, ?>) result);
            } else {
                merge.offerRows(source, (List<?>) result);
            }
        });
        return settle(operation.name(), answers, isMap ? merge.map() : merge.rows());
    }

    /** {@link Storage#fanOutWithSources}: {@code read} gets each source's name and store. */
    <T extends ChatKeyed> List<Sourced<T>> fanOutWithSources(String operation,
            BiFunction<String, ChatStore, List<T>> read) {
        requireNonNull(operation, "operation is null");
        requireNonNull(read, "read is null");
        Answers<List<T>> answers = collect(operation, read);
        ChatRowMerge merge = new ChatRowMerge(rules);
        answers.results().forEach(merge::offerRows);
        return settle(operation, answers, merge.<T>sourced());
    }

    private <R> Answers<R> collect(String operation, BiFunction<String, ChatStore, R> read) {
        long start = System.nanoTime();
        Map<String, Future<R>> futures = new LinkedHashMap<>();
        try {
            sources.stores().forEach((name, store) -> futures.put(name, executor.submit(() -> read.apply(name, store))));
        } catch (RejectedExecutionException e) {
            cancel(futures);
            throw new StorageClosedException("storage", operation);
        }
        Answers<R> answers = new Answers<>(new LinkedHashMap<>(), new ArrayList<>());
        try {
            for (Map.Entry<String, Future<R>> entry : futures.entrySet()) {
                String name = entry.getKey();
                long remaining = timeoutNanos.get(name) - (System.nanoTime() - start);
                try {
                    answers.results().put(name, entry.getValue().get(Math.max(0, remaining), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    entry.getValue().cancel(true);
                    answers.failures().add(new Failure(name, e, true));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof NullPointerException || cause instanceof IllegalArgumentException) {
                        throw rethrow(cause);
                    }
                    answers.failures().add(new Failure(name, cause, false));
                } catch (CancellationException e) {
                    // Only close() cancels a task that has not timed out.
                    throw new StorageClosedException("storage", operation);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting for the sources of " + operation
                    + "; the call was abandoned and its source queries cancelled", e);
        } finally {
            cancel(futures);
        }
        return answers;
    }

    private <M> M settle(String operation, Answers<?> answers, M merged) {
        List<Failure> failures = answers.failures();
        if (failures.isEmpty()) {
            return merged;
        }
        if (sources.config().onSourceFailure() == OnSourceFailure.SKIP) {
            for (Failure failure : failures) {
                String message = "{} skipped source '{}' (on-source-failure = \"skip\"): {}";
                if (failure.timedOut()) {
                    LOG.warn(message, operation, failure.source(), describe(operation, failure));
                } else {
                    LOG.warn(message, operation, failure.source(), describe(operation, failure), failure.cause());
                }
            }
            return merged;
        }
        Failure first = failures.get(0);
        SourceUnavailableException exception = new SourceUnavailableException(first.source(),
                describe(operation, first) + " The merged rows of the sources that answered are attached as the "
                        + "partial result; set on-source-failure = \"skip\" to get them without an exception.",
                first.cause(), merged);
        for (Failure other : failures.subList(1, failures.size())) {
            exception.addSuppressed(new SourceUnavailableException(other.source(), describe(operation, other),
                    other.cause()));
        }
        throw exception;
    }

    private String describe(String operation, Failure failure) {
        SourceConfig source = sources.config().source(failure.source());
        String where = "Source '" + source.name() + "' (" + source.location() + ")";
        if (failure.timedOut()) {
            return where + " did not answer " + operation + " within its timeout of " + source.timeout().toMillis()
                    + " ms; check the source or raise its timeout.";
        }
        return where + " failed during " + operation + ": " + failure.cause() + ".";
    }

    private static void cancel(Map<String, ? extends Future<?>> futures) {
        futures.values().forEach(future -> future.cancel(true));
    }

    /** Stops the executor: running source queries are interrupted, queued ones cancelled. Idempotent. */
    @Override
    public void close() {
        for (Runnable queued : executor.shutdownNow()) {
            if (queued instanceof Future<?> future) {
                future.cancel(false);
            }
        }
    }

    private static long saturatedNanos(SourceConfig source) {
        try {
            return source.timeout().toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static ThreadPoolExecutor newExecutor(SourceStores sources) {
        int connections = sources.config().sourceNames().stream().mapToInt(sources::poolSize).sum();
        int threads = Math.max(sources.config().sources().size(), Math.min(connections, MAX_THREADS));
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "chatstore-fanout-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Override
    public String toString() {
        return "FanOutAggregator" + sources.config().sourceNames();
    }
}
