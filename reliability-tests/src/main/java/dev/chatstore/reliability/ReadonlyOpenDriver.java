package dev.chatstore.reliability;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.SourceConfig;

import java.time.Duration;

/**
 * Opens one file as a readonly SQLite source and reads a chat, for the test that runs it as a user who cannot write
 * the file's folder. Prints {@code OPENED n} (n messages read from chat {@code args[1]}) or {@code FAILED message}.
 */
public final class ReadonlyOpenDriver {
    private ReadonlyOpenDriver() {
    }

    public static void main(String[] args) {
        SourceConfig source = new SourceConfig("archive", SqliteStoreProvider.TYPE, true, 2, Duration.ofSeconds(5), java.util.Map.of("path", args[0]));
        try (ChatStore store = new SqliteStoreProvider().open(source)) {
            System.out.println("OPENED " + store.getChatMessages(Long.parseLong(args[1]), MessageQuery.all()).size());
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
