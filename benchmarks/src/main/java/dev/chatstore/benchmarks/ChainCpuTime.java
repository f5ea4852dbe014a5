package dev.chatstore.benchmarks;

import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.Storages;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;

/**
 * {@link ChainOverheadBenchmark}'s point reads measured in thread CPU time instead of wall time: on a machine
 * shared with other builds, JMH's wall-clock averages include the time the thread waited for a core, which hides
 * the chain's nanoseconds; CPU time does not. Prints the best of eight rounds per target (after four warm-up rounds).
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.chatstore.benchmarks.ChainCpuTime}.
 */
public final class ChainCpuTime {
    private static final int CALLS = 500_000;
    private static volatile Object sink;

    private ChainCpuTime() {
    }

    public static void main(String[] args) {
        ChatStore store = new InMemoryChatStore();
        SampleMessages.fill(store, ChainOverheadBenchmark.MESSAGES);
        StorageConfig config = new StorageConfig(Sqlite.SOURCE, List.of(SourceConfig.of(Sqlite.SOURCE, ":memory:")),
                Map.of(), OnSourceFailure.SKIP);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (Storage plain = Storages.of(config, Map.of(Sqlite.SOURCE, store), null);
             Storage metered = Storages.of(config, Map.of(Sqlite.SOURCE, store), registry)) {
            ChatStore[] targets = {store, plain, metered};
            String[] names = {"direct", "Storage (no metrics)", "Storage (metrics on)"};
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            ReadKeys keys = new ReadKeys(ChainOverheadBenchmark.MESSAGES, 42);
            for (int round = 0; round < 12; round++) {
                for (int t = 0; t < targets.length; t++) {
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < CALLS; i++) {
                        keys.advance();
                        sink = targets[t].getChatMessage(keys.chatId(), keys.messageId());
                    }
                    double perCall = (threads.getCurrentThreadCpuTime() - start) / (double) CALLS;
                    if (round >= 4) {
                        best[t] = Math.min(best[t], perCall);
                    }
                }
            }
            for (int t = 0; t < targets.length; t++) {
                System.out.printf("%-22s %6.0f ns CPU per point read%n", names[t], best[t]);
            }
            System.out.printf("chain: %+.0f ns, chain with metrics: %+.0f ns, metrics alone: %+.0f ns%n",
                    best[1] - best[0], best[2] - best[0], best[2] - best[1]);
        } finally {
            registry.close();
        }
    }
}
