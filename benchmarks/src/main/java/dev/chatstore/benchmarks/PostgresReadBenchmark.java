package dev.chatstore.benchmarks;

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

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The latest 50 messages of a chat on a PostgreSQL source of 20,000 messages (100 chats of 200), on the store and
 * as raw pgjdbc running the same query on the same schema.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PostgresReadBenchmark {
    static final int MESSAGES = 20_000;
    static final MessageQuery LATEST_50 = MessageQuery.latest(50);

    private Postgres postgres;
    private ChatStore store;
    private RawPostgres raw;
    private final ReadKeys keys = new ReadKeys(MESSAGES, 42);

    @Setup(Level.Trial)
    public void fill() throws SQLException {
        postgres = Postgres.start();
        String schema = Postgres.freshSchema();
        store = postgres.open(schema, 5);
        SampleMessages.fill(store, MESSAGES);
        raw = new RawPostgres(postgres.connect(schema));
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        raw.close();
        store.close();
        postgres.close();
    }

    @Benchmark
    public List<ChatMessage> latest50() {
        keys.advance();
        return store.getChatMessages(keys.chatId(), LATEST_50);
    }

    @Benchmark
    public List<ChatMessage> rawLatest50() throws SQLException {
        keys.advance();
        return raw.latest(keys.chatId(), 50);
    }
}
