package dev.chatstore.host;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.StorageModule;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StoreProvider;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** The code of the README's "For bot developers" section, kept compiling and true. */
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

    /** Bot code: asks for the one storage interface, knows nothing of sources or plugins. */
    static final class WelcomeHandler {
        private final ChatStore store;

        @Inject
        WelcomeHandler(ChatStore store) {
            this.store = store;
        }

        void onJoin(long chatId, long userId, String username, String fullName) {
            store.updateChatUser(chatId, userId, username, fullName);
        }
    }

    /** The bot's module, as in production: the storage chain plus the bot's own bindings. */
    static final class BotModule extends AbstractModule {
        private final StorageConfig config;
        private final List<StoreProvider> providers;

        BotModule(StorageConfig config, List<StoreProvider> providers) {
            this.config = config;
            this.providers = providers;
        }

        @Override
        protected void configure() {
            install(new StorageModule(config, providers));
            bind(WelcomeHandler.class);
        }
    }

    /** Every source in memory, behind the real routing chain: the type name matches the config's. */
    static final class InMemoryProvider implements StoreProvider {
        @Override
        public String type() {
            return "sqlite";
        }

        @Override
        public ChatStore open(SourceConfig source) {
            return new InMemoryChatStore(source.name());
        }
    }

    private final StorageConfig config = dev.chatstore.storage.config.StorageConfigReader.fromToml(CONFIG,
            java.nio.file.Path.of(""), TestKeys.SQLITE);

    @Test
    void theRealChainOverInMemorySources() {
        Injector injector = Guice.createInjector(new BotModule(config, List.of(new InMemoryProvider())));
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
        ChatStore store = mock(ChatStore.class);
        Injector injector = Guice.createInjector(Modules.override(new BotModule(config, List.of(new InMemoryProvider())))
                .with(binder -> binder.bind(ChatStore.class).toInstance(store)));

        injector.getInstance(WelcomeHandler.class).onJoin(42, 7, "anna", "Anna K");

        verify(store).updateChatUser(42, 7, "anna", "Anna K");
    }
}
