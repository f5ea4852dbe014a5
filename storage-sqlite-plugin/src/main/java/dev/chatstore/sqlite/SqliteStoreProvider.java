package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcChatTransfer;
import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.StoreParts;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.ConfigKeyKind;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreProvider;
import org.pf4j.Extension;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The {@code sqlite} backend: opens one store per configured source, assembled from parts shaped like the SPI
 * ({@link SqliteMessages} is the {@code MessageStore}, ...) over one {@link JdbcSource}. Stateless and thread-safe.
 * Found by PF4J through {@code META-INF/extensions.idx}; it implements exactly one interface, the pf4j-free
 * {@link StoreProvider} (compiled with {@code -Apf4j.ignoreExtensionPoint}).
 */
@Extension
public final class SqliteStoreProvider implements StoreProvider {
    public static final String TYPE = "sqlite";
    /** The required key of an SQLite source: its file. */
    public static final String PATH_KEY = SourceConfig.PATH_KEY;
    /** The {@code path} value of a private in-memory database, one per source, gone when the source closes. */
    public static final String MEMORY = ":memory:";
    static final List<ConfigKey> KEYS = List.of(ConfigKey.required(PATH_KEY, ConfigKeyKind.PATH,
            "the SQLite database file, relative to the config file's folder, or \":memory:\"").withLiterals(MEMORY),
            SqliteTuning.CACHE_SIZE, SqliteTuning.MMAP_SIZE, SqliteTuning.SYNCHRONOUS);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return KEYS;
    }

    /** The source's database file (absolute) or {@value #MEMORY}. */
    static String path(SourceConfig source) {
        return source.requireString(PATH_KEY);
    }

    /** Whether the source is a private in-memory database. */
    static boolean isMemory(SourceConfig source) {
        return MEMORY.equals(path(source));
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
        SqliteTuning.check(source);
        SqliteNativeLibrary.load();
        SqliteOpener.Opened opened = SqliteOpener.open(source);
        JdbcSource jdbc = opened.source();
        ChatStore[] store = new ChatStore[1];
        store[0] = StoreParts.of(jdbc)
                .part(new SqliteSettings(jdbc))
                .part(new SqliteMessages(jdbc))
                .part(new SqliteUsers(jdbc))
                .part(new SqliteUserData(jdbc))
                .part(new SqliteChatSettings(jdbc))
                .part(new SqliteChatInfo(jdbc))
                .part(new SqliteMedia(jdbc))
                .part(new SqliteDelayedTasks(jdbc))
                .part(new SqliteSpam(jdbc))
                .part(new SqliteCaches(jdbc))
                .admin(new SqliteAdmin(opened))
                .transfer(new JdbcChatTransfer(jdbc))
                .onClose(() -> {
                    if (opened.checkpointer() != null) {
                        opened.checkpointer().close();
                    }
                })
                .onClose(() -> SqliteMaintenance.optimizeAtClose(jdbc, opened.firstWrite()))
                .onClose(() -> SqliteOpenStores.forget(store[0]))
                .build();
        SqliteOpenStores.remember(store[0], jdbc);
        return store[0];
    }
}
