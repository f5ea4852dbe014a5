package dev.chatstore.host;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.chatstore.storage.config.StorageConfigReader;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.StorageModule;
import dev.chatstore.storage.routing.StoreProviders;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.ConfigKeyKind;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StoreProvider;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The code of the README's "For bot developers" section: each block between {@code README:begin} and
 * {@code README:end} appears verbatim in README.md ({@link ReadmeSnippetsTest} checks it) and runs here.
 */
class BotDeveloperExamplesTest {
    static final String CONFIG = """
            [database]
            default = "primary"
            [database.sources.primary]
            path = ":memory:"
            [database.sources.archive]
            path = ":memory:"
            readonly = true
            [database.chatMapping]
            -1001234567890 = "archive"
            """;

    // README:begin bot-code
    /** Bot code: asks for the one storage interface, knows nothing of sources or plugins. */
    static final class WelcomeHandler {
        private final ChatStore store;

        @Inject
        WelcomeHandler(ChatStore store) {
            this.store = store;
        }

        void onJoin(long chatId, long userId, String username, String fullName) {
            store.updateChatUser(chatId, userId, username, fullName);   // routed by chat id; refused if readonly
        }
    }

    /** The bot's module: the storage chain plus the bot's own bindings. */
    static final class BotModule extends AbstractModule {
        private final StorageConfig config;
        private final StoreProviders providers;

        BotModule(StorageConfig config, StoreProviders providers) {
            this.config = config;
            this.providers = providers;
        }

        @Override
        protected void configure() {
            install(new StorageModule(config, providers));
            bind(WelcomeHandler.class);
        }
    }
    // README:end

    // README:begin test-provider
    /** Every source in memory, behind the real routing chain; the type and key are those of the config. */
    static final class InMemoryProvider implements StoreProvider {
        @Override
        public String type() {
            return "sqlite";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(ConfigKey.required("path", ConfigKeyKind.PATH, "ignored in memory").withLiterals(":memory:"));
        }

        @Override
        public ChatStore open(SourceConfig source) {
            return new InMemoryChatStore(source.name());
        }
    }
    // README:end

    @Test
    void theRealChainOverInMemorySources() {
        // README:begin test-real-chain
        StoreProviders providers = StoreProviders.of(List.of(new InMemoryProvider()));
        StorageConfig config = StorageConfigReader.fromToml(CONFIG, Path.of(""), providers.keys());
        Injector injector = Guice.createInjector(new BotModule(config, providers));
        // README:end
        Storage storage = injector.getInstance(Storage.class);
        try {
            injector.getInstance(WelcomeHandler.class).onJoin(42, 7, "anna", "Anna K");

            assertThat(storage.getChatUser(42, 7)).isPresent();
            assertThat(storage.source("archive").getChatUser(42, 7)).isEmpty();
            assertThatThrownBy(() -> injector.getInstance(WelcomeHandler.class).onJoin(-1001234567890L, 7, "a", "A"))
                    .isInstanceOf(ReadOnlySourceException.class);
            assertThat(storage.getChatMessages(42, MessageQuery.latest(10))).isEmpty();
        } finally {
            storage.close();
        }
    }

    @Test
    void aMockInPlaceOfTheStore() {
        StoreProviders providers = StoreProviders.of(List.of(new InMemoryProvider()));
        StorageConfig config = StorageConfigReader.fromToml(CONFIG, Path.of(""), providers.keys());
        // README:begin test-mock
        ChatStore store = mock(ChatStore.class);
        Injector mocked = Guice.createInjector(Modules.override(new BotModule(config, providers))
                .with(binder -> binder.bind(ChatStore.class).toInstance(store)));
        mocked.getInstance(WelcomeHandler.class).onJoin(42, 7, "anna", "Anna K");
        verify(store).updateChatUser(42, 7, "anna", "Anna K");
        // README:end
    }
}
