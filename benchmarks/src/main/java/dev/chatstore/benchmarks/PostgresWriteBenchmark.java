package dev.chatstore.benchmarks;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes on a PostgreSQL source (a local embedded server), each beside raw pgjdbc writing the same rows in the same
 * transactions: one message at a time, 100 at a time, and one at a time from 4 threads at once (the many-writers
 * case SQLite cannot serve: compare with {@code WriteBenchmark.addChatMessage}, one SQLite file's single writer).
 * Scores are messages per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PostgresWriteBenchmark {
    static final int BATCH = 100;

    /** The server of this trial; the store and the raw baseline each get a schema of their own on it. */
    @State(Scope.Benchmark)
    public static class Server {
        Postgres postgres;
        ChatStore store;
        String rawSchema;
        final AtomicLong next = new AtomicLong();

        @Setup(Level.Trial)
        public void start() {
            postgres = Postgres.start();
            store = postgres.open(Postgres.freshSchema(), 8);
            SampleMessages.addMembers(store);
            rawSchema = Postgres.freshSchema();
            try (ChatStore schemaOnly = postgres.open(rawSchema, 1)) {
                SampleMessages.addMembers(schemaOnly);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            store.close();
            postgres.close();
        }
    }

    /** One raw connection per benchmark thread, as each of the store's threads borrows its own. */
    @State(Scope.Thread)
    public static class Raw {
        RawPostgres raw;

        @Setup(Level.Trial)
        public void connect(Server server) throws SQLException {
            raw = new RawPostgres(server.postgres.connect(server.rawSchema));
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            raw.close();
        }
    }

    /** The whole four-statement transaction: message, member counter, chat day, member day. */
    @Benchmark
    public void addChatMessage(Server server) {
        server.store.addChatMessage(SampleMessages.message(server.next.getAndIncrement()));
    }

    @Benchmark
    public void rawAddChatMessage(Server server, Raw raw) throws SQLException {
        raw.raw.add(SampleMessages.message(server.next.getAndIncrement()));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int addChatMessages100(Server server) {
        return server.store.addChatMessages(SampleMessages.messages(server.next.getAndAdd(BATCH), BATCH));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void rawAddChatMessages100(Server server, Raw raw) throws SQLException {
        List<ChatMessage> batch = SampleMessages.messages(server.next.getAndAdd(BATCH), BATCH);
        raw.raw.addAll(batch);
    }

    @Benchmark
    @Threads(4)
    public void addChatMessage4Writers(Server server) {
        server.store.addChatMessage(SampleMessages.message(server.next.getAndIncrement()));
    }

    @Benchmark
    @Threads(4)
    public void rawAddChatMessage4Writers(Server server, Raw raw) throws SQLException {
        raw.raw.add(SampleMessages.message(server.next.getAndIncrement()));
    }
}
