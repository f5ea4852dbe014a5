package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatStore;

import java.sql.Statement;

/**
 * Raw SQL on a pooled connection of an open store of this plugin: what a bug in the plugin, or code that got hold
 * of its connections, could run. Lives in the plugin's package because the pool is not part of any API.
 */
public final class PluginConnections {
    private PluginConnections() {
    }

    /** Runs {@code statements} on one pooled connection, in order; returns the last update count. */
    public static int execute(ChatStore store, String... statements) {
        return SqliteOpenStores.sourceOf(store).read(session -> {
            int count = -1;
            try (Statement statement = session.connection().createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                    count = statement.getUpdateCount();
                }
            }
            return count;
        });
    }
}
