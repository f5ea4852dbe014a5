package dev.chatstore.benchmarks;

import dev.chatstore.host.telegram.IngestListener;
import dev.chatstore.host.telegram.IngestSummary;
import dev.chatstore.host.telegram.UpdateIngester;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Chatstore's side of the same-rows comparison: the host's {@link UpdateIngester} through a one-source
 * {@link Storage} on the SQLite plugin (no PF4J, no CLI), timed by segments like {@link IngestFloor}.
 *
 * <p>{@code java -cp benchmarks.jar dev.chatstore.benchmarks.ChatstoreIngest DB UPDATES.jsonl [--segment N]
 * [--cache-size KIB] [--mmap-size BYTES]}: DB may be absent (created at the newest schema) or a copy of an empty
 * migrated file; the two sizes are the source's config keys of the same names (absent: the plugin's defaults).
 * {@code ChatstoreIngest --create-empty DB} writes an empty file migrated by Chatstore (for per_message_floor.py).
 */
final class ChatstoreIngest {
    private ChatstoreIngest() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--create-empty")) {
            Sqlite.create(Path.of(args[1]).toAbsolutePath().toString());
            return;
        }
        if (args.length < 2) {
            System.err.println("usage: ChatstoreIngest DB UPDATES.jsonl [--segment N] | --create-empty DB");
            System.exit(2);
        }
        long segment = 100_000;
        String path = Path.of(args[0]).toAbsolutePath().toString();
        SourceConfig source = SourceConfig.of(Sqlite.SOURCE, path);
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--segment" -> segment = Long.parseLong(args[i + 1]);
                case "--cache-size", "--mmap-size" -> source = source.withOption(args[i].substring(2),
                        Long.parseLong(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        StorageConfig config = new StorageConfig(Sqlite.SOURCE, List.of(source), Map.of(), OnSourceFailure.SKIP);
        IngestClock clock = new IngestClock("chatstore", segment);
        IngestSummary summary;
        try (Storage storage = Sqlite.openStorage(config);
             Reader reader = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            UpdateIngester ingester = new UpdateIngester(storage, chatId -> storage.config().sourceNameForChat(chatId));
            clock.start();
            summary = ingester.ingest(reader, new IngestListener() {
                @Override
                public void onProgress(long linesRead) {
                    clock.progress(linesRead);
                }
            });
        }
        if (summary.malformed() > 0 || summary.failed() > 0 || summary.refused() > 0) {
            throw new IllegalStateException("Ingest did not take every update: " + summary.format());
        }
        System.out.println(clock.summary());
    }
}
