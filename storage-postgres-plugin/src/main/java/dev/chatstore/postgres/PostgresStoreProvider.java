package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreProvider;
import org.pf4j.Extension;

import static java.util.Objects.requireNonNull;

/**
 * The {@code postgres} backend: opens a PostgreSQL source per configured source. Stateless and thread-safe. Found
 * by PF4J through {@code META-INF/extensions.idx}; it implements exactly one interface, the pf4j-free
 * {@link StoreProvider} (compiled with {@code -Apf4j.ignoreExtensionPoint}).
 */
@Extension
public final class PostgresStoreProvider implements StoreProvider {
    public static final String TYPE = "postgres";

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Opens the source; changes nothing on the server (see {@link PostgresOpener}).
     *
     * @throws dev.chatstore.storage.spi.SourceUnavailableException naming the source and its location, if the
     *                                                              server cannot be reached or logged in to, or the
     *                                                              schema is not one this build serves
     */
    @Override
    public ChatStore open(SourceConfig source) {
        requireNonNull(source, "source is null");
        if (!TYPE.equals(source.type())) {
            throw new IllegalArgumentException(String.format("Source '%s' has type '%s'; this provider opens '%s'",
                    source.name(), source.type(), TYPE));
        }
        return open(source, PostgresConfigKeys.settings(source));
    }

    ChatStore open(SourceConfig source, PostgresSettings settings) {
        return PostgresChatStore.open(PostgresOpener.open(source, settings));
    }
}
