package dev.chatstore.benchmarks;

import dev.chatstore.host.telegram.IngestListener;
import dev.chatstore.host.telegram.IngestSummary;
import dev.chatstore.host.telegram.UpdateIngester;
import dev.chatstore.storage.routing.Storage;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The host's ingest path end to end: 100,000 Telegram updates read from a file, mapped and stored by
 * {@link UpdateIngester} through a {@link Storage} facade on one SQLite file. Each iteration starts from an empty
 * database. The score is the time of one whole ingest (updates/s = updates / score); the quick mode of
 * {@code run.sh} ingests fewer updates through {@code -p updates=N}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class IngestBenchmark {
    @Param("100000")
    public int updates;

    private TempFolder folder;
    private Path input;
    private Path database;
    private Storage storage;

    @Setup(Level.Trial)
    public void writeUpdates() {
        folder = TempFolder.create("ingest");
        input = folder.path().resolve("updates.jsonl");
        TelegramUpdates.write(TelegramUpdates.sample(), input, this.updates);
        database = folder.path().resolve("db");
    }

    @Setup(Level.Iteration)
    public void openEmptyStorage() throws IOException {
        Files.createDirectories(database);
        String path = database.resolve("ingest.db").toAbsolutePath().toString();
        StorageConfig config = new StorageConfig(Sqlite.SOURCE, List.of(SourceConfig.of(Sqlite.SOURCE, path)),
                Map.of(), OnSourceFailure.SKIP);
        storage = Sqlite.openStorage(config);
    }

    @Benchmark
    public IngestSummary ingest() throws IOException {
        UpdateIngester ingester = new UpdateIngester(storage, chatId -> storage.config().sourceNameForChat(chatId));
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            IngestSummary summary = ingester.ingest(reader, IngestListener.NONE);
            if (summary.updates() != updates || summary.malformed() > 0 || summary.failed() > 0
                    || summary.refused() > 0) {
                throw new IllegalStateException("Ingest did not take every update: " + summary.format());
            }
            return summary;
        }
    }

    @TearDown(Level.Iteration)
    public void dropDatabase() throws IOException {
        storage.close();
        try (var files = Files.list(database)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    @TearDown(Level.Trial)
    public void deleteFolder() {
        folder.close();
    }
}
