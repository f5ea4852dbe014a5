package dev.chatstore.postgres;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.jdbc.StoreParts;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreProvider;
import org.pf4j.Extension;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The {@code postgres} backend: opens one store per configured source, assembled from parts shaped like the SPI
 * ({@link PostgresMessages} is the {@code MessageStore}, ...) over one {@link JdbcSource}; it is also a
 * {@link dev.chatstore.storage.spi.StoreAdmin} and a {@link dev.chatstore.storage.spi.ChatTransfer}
 * ({@link PostgresChatTransfer}), so {@code move-chat} works in and out of PostgreSQL. Stateless and
 * thread-safe. Found by PF4J through {@code META-INF/extensions.idx}; it implements exactly one interface, the
 * pf4j-free {@link StoreProvider} (compiled with {@code -Apf4j.ignoreExtensionPoint}).
 */
@Extension
public final class PostgresStoreProvider implements StoreProvider {
    public static final String TYPE = "postgres";

    @Override
    public String type() {
        return TYPE;
    }

    /** {@code url}, {@code user}, {@code password-env}, {@code password} and {@code schema}: see {@link PostgresKeys}. */
    @Override
    public List<ConfigKey> configKeys() {
        return PostgresKeys.KEYS;
    }

    /**
     * Opens the source; changes nothing on the server (see {@link PostgresOpener}).
     *
     * @throws dev.chatstore.storage.spi.StorageConfigException     if the keys cannot be used (a malformed url, an
     *                                                              unset password variable)
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
        return open(source, PostgresKeys.settings(source, System::getenv));
    }

    ChatStore open(SourceConfig source, PostgresSettings settings) {
        PostgresOpener.Opened opened = PostgresOpener.open(source, settings);
        JdbcSource jdbc = opened.source();
        PostgresReads reads = new PostgresReads(jdbc, settings.schema());
        return StoreParts.of(jdbc)
                .part(new PostgresSettingsStore(reads))
                .part(new PostgresMessages(reads))
                .part(new PostgresUsers(reads))
                .part(new PostgresUserData(reads))
                .part(new PostgresChatSettings(reads))
                .part(new PostgresChatInfo(reads))
                .part(new PostgresMedia(reads))
                .part(new PostgresDelayedTasks(reads))
                .part(new PostgresSpam(reads))
                .part(new PostgresCaches(reads))
                .admin(new PostgresAdmin(opened))
                .transfer(new PostgresChatTransfer(reads))
                .build();
    }
}
