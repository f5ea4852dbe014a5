package dev.chatstore.benchmarks;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.Storages;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StoreAdmin;

import java.util.List;
import java.util.Map;

/** Opens stores the way the host does, minus PF4J: the plugin's provider, default pool size and timeout. */
final class Sqlite {
    static final String SOURCE = "default";

    private Sqlite() {
    }

    static ChatStore open(String path) {
        return new SqliteStoreProvider().open(SourceConfig.of(SOURCE, path));
    }

    /** Creates the file at the newest schema (opening alone creates nothing: the first write or migrate does). */
    static void create(String path) {
        try (ChatStore store = open(path)) {
            ((StoreAdmin) store).migrate();
        }
    }

    /** A one-source {@link Storage} over an already open store (closing the storage closes the store). */
    static Storage storageOver(ChatStore store, String path) {
        StorageConfig config = new StorageConfig(SOURCE, List.of(SourceConfig.of(SOURCE, path)), Map.of(),
                OnSourceFailure.SKIP);
        return Storages.of(config, Map.of(SOURCE, store));
    }

    /** A {@link Storage} that opens its sources itself through the provider, as the host's startup does. */
    static Storage openStorage(StorageConfig config) {
        return Storages.open(config, List.of(new SqliteStoreProvider()));
    }
}
