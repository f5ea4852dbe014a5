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
import org.openjdk.jmh.annotations.Warmup;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes on a file source, single thread, each beside its raw sqlite-jdbc baseline. Scores are messages per second:
 * the bulk methods store 100 messages per call (one per chat of 100) and count each message as an operation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class WriteBenchmark {
    static final int BATCH = 100;

    /** A migrated store whose chats have their members, as a running bot's has. */
    @State(Scope.Benchmark)
    public static class StoreState {
        TempFolder folder;
        ChatStore store;
        long next;

        @Setup(Level.Trial)
        public void open() {
            folder = TempFolder.create("write");
            store = Sqlite.open(folder.file("store.db"));
            SampleMessages.addMembers(store);
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
            folder.close();
        }
    }

    /** A raw database holding only chat_messages, with the plugin's own DDL for it. */
    @State(Scope.Benchmark)
    public static class RawState {
        TempFolder folder;
        RawDatabase raw;
        long next;

        @Setup(Level.Trial)
        public void open() {
            folder = TempFolder.create("write-raw");
            String schema = folder.file("schema.db");
            Sqlite.create(schema);
            raw = RawDatabase.createLike(folder.file("raw.db"), schema);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            raw.close();
            folder.close();
        }
    }

    /** The whole four-statement transaction: message, member counter, chat day, member day. */
    @Benchmark
    public void addChatMessage(StoreState state) {
        state.store.addChatMessage(SampleMessages.message(state.next++));
    }

    @Benchmark
    public void rawInsertAutocommit(RawState state) throws SQLException {
        state.raw.insert(SampleMessages.message(state.next++));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int addChatMessages100(StoreState state) {
        List<ChatMessage> batch = SampleMessages.messages(state.next, BATCH);
        state.next += BATCH;
        return state.store.addChatMessages(batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void rawInsertTransaction100(RawState state) throws SQLException {
        List<ChatMessage> batch = SampleMessages.messages(state.next, BATCH);
        state.next += BATCH;
        state.raw.insertAll(batch);
    }
}
