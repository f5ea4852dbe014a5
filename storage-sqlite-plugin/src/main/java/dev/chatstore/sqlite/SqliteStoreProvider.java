package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreProvider;
import org.pf4j.Extension;

import static java.util.Objects.requireNonNull;

/**
 * The {@code sqlite} backend: opens a {@link SqliteChatStore} per configured source. Stateless and thread-safe.
 * Found by PF4J through {@code META-INF/extensions.idx}; it implements exactly one interface, the pf4j-free
 * {@link StoreProvider} (compiled with {@code -Apf4j.ignoreExtensionPoint}).
 */
@Extension
public final class SqliteStoreProvider implements StoreProvider {
    public static final String TYPE = "sqlite";

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Opens the file (or private memory database) of {@code source} without changing it: a writable file is created,
     * switched to WAL and migrated to the newest schema before its first write (or by {@code migrate}), and until
     * then a missing one reads as an empty store; a readonly one is only checked.
     *
     * @throws dev.chatstore.storage.spi.SourceUnavailableException naming the source and its path, if the file is
     *                                                              missing (readonly), not SQLite, cut short, at
     *                                                              an unsupported schema level, already open as
     *                                                              another source, or its path holds a '?'
     */
    @Override
    public ChatStore open(SourceConfig source) {
        requireNonNull(source, "source is null");
        if (!TYPE.equals(source.type())) {
            throw new IllegalArgumentException(String.format("Source '%s' has type '%s'; this provider opens '%s'",
                    source.name(), source.type(), TYPE));
        }
        SqliteChatStore store = new SqliteChatStore(SqliteOpener.open(source));
        SqliteOpenStores.remember(store);
        return store;
    }
}
