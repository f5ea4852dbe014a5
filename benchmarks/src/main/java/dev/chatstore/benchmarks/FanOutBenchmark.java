package dev.chatstore.benchmarks;

import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code getAllGroupChats} with no explicit source: the aggregator's parallel read of 8 SQLite files (1,000 chats
 * each, 700 of them groups, every chat mapped to its file), against the same read on a one-source storage and
 * against the eight reads done one after another through {@code storage.source(name)}. Sampled, for percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FanOutBenchmark {
    static final int SOURCES = 8;
    static final int CHATS_PER_SOURCE = 1_000;

    private TempFolder folder;
    private Storage eight;
    private Storage one;
    private List<ChatStore> pinned;

    @Setup(Level.Trial)
    public void fill() {
        folder = TempFolder.create("fanout");
        List<SourceConfig> sources = new ArrayList<>();
        Map<Long, String> mapping = new LinkedHashMap<>();
        for (int s = 0; s < SOURCES; s++) {
            String name = "s" + s;
            sources.add(SourceConfig.of(name, folder.file(name + ".db")));
            for (int c = 0; c < CHATS_PER_SOURCE; c++) {
                mapping.put(chatId(s, c), name);
            }
        }
        eight = Sqlite.openStorage(new StorageConfig("s0", sources, mapping, OnSourceFailure.SKIP));
        for (int s = 0; s < SOURCES; s++) {
            addChats(eight, s);
        }
        one = Sqlite.openStorage(new StorageConfig("single", List.of(SourceConfig.of("single",
                folder.file("single.db"))), Map.of(), OnSourceFailure.SKIP));
        addChats(one, 0);
        pinned = eight.sourceNames().stream().map(eight::source).toList();
        int groups = eight.getAllGroupChats().size();
        if (groups != SOURCES * CHATS_PER_SOURCE * 7 / 10) {
            throw new IllegalStateException("Expected " + SOURCES * CHATS_PER_SOURCE * 7 / 10 + " groups, got " + groups);
        }
    }

    /** Group and supergroup chats (70%) and private chats; the ids say which source owns them. */
    private static void addChats(ChatStore store, int source) {
        for (int c = 0; c < CHATS_PER_SOURCE; c++) {
            ChatType type = c % 10 < 4 ? ChatType.SUPERGROUP : c % 10 < 7 ? ChatType.GROUP : ChatType.PRIVATE;
            String title = type == ChatType.PRIVATE ? null : "Group " + c + " of shard " + source + " 💬";
            store.updateChatInfo(chatId(source, c), type, title, c % 3 == 0 ? "group_" + source + "_" + c : null,
                    c % 17 == 0);
        }
    }

    private static long chatId(int source, int chat) {
        return -1002000000000L - (source * 10_000L + chat);
    }

    @TearDown(Level.Trial)
    public void close() {
        one.close();
        eight.close();
        folder.close();
    }

    @Benchmark
    public List<ChatInfo> fanOut8Sources() {
        return eight.getAllGroupChats();
    }

    @Benchmark
    public List<ChatInfo> oneSource() {
        return one.getAllGroupChats();
    }

    @Benchmark
    public void sequential8Sources(Blackhole sink) {
        for (ChatStore source : pinned) {
            sink.consume(source.getAllGroupChats());
        }
    }
}
