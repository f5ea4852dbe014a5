package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.ChatStore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stores this plugin has opened and that are not closed yet, so that stopping the plugin can close the pools
 * its callers forgot. One map per class loader, so per loaded plugin.
 */
final class SqliteOpenStores {
    private static final Map<ChatStore, JdbcSource> OPEN = new ConcurrentHashMap<>();

    private SqliteOpenStores() {
    }

    static void remember(ChatStore store, JdbcSource source) {
        OPEN.put(store, source);
    }

    static void forget(ChatStore store) {
        OPEN.remove(store);
    }

    /** The source behind an open store of this plugin, for this package's tests; null when not open. */
    static JdbcSource sourceOf(ChatStore store) {
        return OPEN.get(store);
    }

    /** Closes every store still open; returns how many there were. */
    static int closeAll() {
        List<ChatStore> open = List.copyOf(OPEN.keySet());
        for (ChatStore store : open) {
            store.close();
        }
        return open.size();
    }
}
