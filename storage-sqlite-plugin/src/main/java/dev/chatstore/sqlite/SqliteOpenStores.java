package dev.chatstore.sqlite;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stores this plugin has opened and that are not closed yet, so that stopping the plugin can close the pools
 * its callers forgot. One set per class loader, so per loaded plugin.
 */
final class SqliteOpenStores {
    private static final Set<SqliteChatStore> OPEN = ConcurrentHashMap.newKeySet();

    private SqliteOpenStores() {
    }

    static void remember(SqliteChatStore store) {
        OPEN.add(store);
    }

    static void forget(SqliteChatStore store) {
        OPEN.remove(store);
    }

    /** Closes every store still open; returns how many there were. */
    static int closeAll() {
        List<SqliteChatStore> open = List.copyOf(OPEN);
        for (SqliteChatStore store : open) {
            store.close();
        }
        return open.size();
    }
}
