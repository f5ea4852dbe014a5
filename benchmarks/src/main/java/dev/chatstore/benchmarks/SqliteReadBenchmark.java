package dev.chatstore.benchmarks;

import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
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
import org.openjdk.jmh.infra.Blackhole;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads on a file source of 100,000 messages (100 chats of 1,000): a point read by id and the latest 50 messages
 * of a chat, three ways: on the SQLite plugin's store directly, through a one-source {@link Storage} over that
 * same store (the routing chain's cost), and as raw JDBC on the same file (the driver's floor; for latest-50 also
 * with the store's 14 columns, its join on {@code chat_users} included, the floor issue 12 names). Two forks and five
 * iterations for the direct and Storage pairs: the chain costs nanoseconds, and a single fork's luck (JIT, memory
 * layout) moves a SQLite read by a few percent either way.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class SqliteReadBenchmark {
    static final int MESSAGES = 100_000;
    static final MessageQuery LATEST_50 = MessageQuery.latest(50);

    private TempFolder folder;
    private ChatStore store;
    private Storage storage;
    private RawDatabase raw;
    private final ReadKeys keys = new ReadKeys(MESSAGES, 42);

    @Setup(Level.Trial)
    public void fill() {
        folder = TempFolder.create("read");
        String path = folder.file("store.db");
        store = Sqlite.open(path);
        SampleMessages.fill(store, MESSAGES);
        storage = Sqlite.storageOver(store, path);
        raw = RawDatabase.open(path);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        raw.close();
        storage.close();
        folder.close();
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
    @Fork(1)
    public int pointReadRaw(Blackhole sink) throws SQLException {
        keys.advance();
        return raw.point(keys.chatId(), keys.messageId(), sink);
    }

    @Benchmark
    public List<ChatMessage> latest50Direct() {
        keys.advance();
        return store.getChatMessages(keys.chatId(), LATEST_50);
    }

    @Benchmark
    public List<ChatMessage> latest50Storage() {
        keys.advance();
        return storage.getChatMessages(keys.chatId(), LATEST_50);
    }

    @Benchmark
    @Fork(1)
    public int latest50Raw(Blackhole sink) throws SQLException {
        keys.advance();
        return raw.latest(keys.chatId(), 50, sink);
    }

    /** Issue 12's floor for latest-50: raw JDBC returning the store's 14 columns (its join on chat_users). */
    @Benchmark
    @Fork(1)
    public int latest50RawSameColumns(Blackhole sink) throws SQLException {
        keys.advance();
        return raw.latestSameColumns(keys.chatId(), 50, sink);
    }
}
