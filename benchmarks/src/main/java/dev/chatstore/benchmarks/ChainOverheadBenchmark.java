package dev.chatstore.benchmarks;

import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.Storages;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The routing chain's own cost per call (facade, readonly guard, router), measured over {@link InMemoryChatStore}:
 * the difference between the two is the chain. 10,000 messages (100 chats of 100), not the 100,000 of
 * {@link SqliteReadBenchmark}: the fake sorts a chat's messages on every {@code getChatMessages}, and with 1,000 per
 * chat its run-to-run spread (microseconds) would hide the chain's nanoseconds. Two forks of five iterations, for
 * the same reason.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class ChainOverheadBenchmark {
    static final int MESSAGES = 10_000;

    private ChatStore store;
    private Storage storage;
    private final ReadKeys keys = new ReadKeys(MESSAGES, 42);

    @Setup(Level.Trial)
    public void fill() {
        store = new InMemoryChatStore();
        SampleMessages.fill(store, MESSAGES);
        StorageConfig config = new StorageConfig(Sqlite.SOURCE, List.of(SourceConfig.of(Sqlite.SOURCE,
                ":memory:")), Map.of(), OnSourceFailure.SKIP);
        storage = Storages.of(config, Map.of(Sqlite.SOURCE, store));
    }

    @TearDown(Level.Trial)
    public void close() {
        storage.close();
    }

    @Benchmark
    public Optional<ChatMessage> pointReadDirect() {
        keys.advance();
        return store.getChatMessage(keys.chatId(), keys.messageId());
    }

    @Benchmark
    public Optional<ChatMessage> pointReadStorage() {
        keys.advance();
        return storage.getChatMessage(keys.chatId(), keys.messageId());
    }

    @Benchmark
    public List<ChatMessage> latest50Direct() {
        keys.advance();
        return store.getChatMessages(keys.chatId(), SqliteReadBenchmark.LATEST_50);
    }

    @Benchmark
    public List<ChatMessage> latest50Storage() {
        keys.advance();
        return storage.getChatMessages(keys.chatId(), SqliteReadBenchmark.LATEST_50);
    }
}
