package dev.chatstore.benchmarks;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.StorageException;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two writer threads ({@code addChatMessage}) and two reader threads (latest 50 of a random chat) on one file
 * source with the default pool of 5. Sampled, for p99 per role; the {@code writes} and {@code reads} counters give
 * each role's throughput. Any {@code SQLITE_BUSY} or {@code SQLITE_LOCKED}
 * that reaches a caller is counted (the {@code busy} counter, expected 0) instead of ending the run, so a regression
 * shows as a number.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MixedLoadBenchmark {
    static final int PREFILLED = 20_000;

    @State(Scope.Group)
    public static class Source {
        TempFolder folder;
        ChatStore store;
        final AtomicLong next = new AtomicLong(PREFILLED);

        @Setup(Level.Trial)
        public void fill() {
            folder = TempFolder.create("mixed");
            store = Sqlite.open(folder.file("store.db"));
            SampleMessages.fill(store, PREFILLED);
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
            folder.close();
        }
    }

    /**
     * Per thread: its random chats and what its calls did. Counts, not rates (JMH reports rate counters only in
     * throughput modes): the report divides writes and reads by the measured time; busy is expected to stay 0.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Calls {
        private final SplittableRandom random = new SplittableRandom();
        public long writes;
        public long reads;
        public long busy;

        long chatId() {
            return SampleMessages.chatId(random.nextInt(SampleMessages.CHATS));
        }

        @Setup(Level.Iteration)
        public void reset() {
            writes = 0;
            reads = 0;
            busy = 0;
        }
    }

    @Benchmark
    @Group("mixed")
    @GroupThreads(2)
    public boolean write(Source source, Calls calls) {
        ChatMessage message = SampleMessages.message(source.next.getAndIncrement());
        try {
            source.store.addChatMessage(message);
            calls.writes++;
            return true;
        } catch (StorageException e) {
            return countBusy(e, calls);
        }
    }

    @Benchmark
    @Group("mixed")
    @GroupThreads(2)
    public List<ChatMessage> read(Source source, Calls calls) {
        try {
            List<ChatMessage> latest = source.store.getChatMessages(calls.chatId(), SqliteReadBenchmark.LATEST_50);
            calls.reads++;
            return latest;
        } catch (StorageException e) {
            countBusy(e, calls);
            return List.of();
        }
    }

    /** Counts a busy or locked database; anything else is a real failure and ends the run. */
    private static boolean countBusy(StorageException e, Calls calls) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")) {
                calls.busy++;
                return false;
            }
        }
        throw e;
    }
}
