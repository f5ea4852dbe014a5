package dev.chatstore.storage.routing;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.StorageConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The Guice wiring, as the host builds it, and as a bot developer overrides it in tests. */
class StorageModuleTest {
    private static final long ARCHIVED_CHAT = -1001234567890L;

    private final StorageConfig config = TestStores.config("primary",
            List.of(TestStores.source("primary"), TestStores.readonlySource("archive")),
            Map.of(ARCHIVED_CHAT, "archive"));
    private final MemoryStoreProvider provider = new MemoryStoreProvider();

    /** Bot code: written against ChatStore, knows nothing of sources. */
    static final class Greeter {
        private final ChatStore store;

        @Inject
        Greeter(ChatStore store) {
            this.store = store;
        }

        String greet(long chatId) {
            return store.getChatSetting(chatId, "greeting").orElse("Hello!");
        }
    }

    private Injector strictInjector(com.google.inject.Module... modules) {
        return Guice.createInjector(Stage.PRODUCTION, Modules.combine(Modules.combine(modules), binder -> {
            binder.requireExplicitBindings();
            binder.disableCircularProxies();
            binder.bind(Greeter.class);
        }));
    }

    @Test
    void buildsUnderTheHostsStrictSettingsAndBindsOneFacade() {
        Injector injector = strictInjector(new StorageModule(config, List.of(provider)));

        try (Storage storage = injector.getInstance(Storage.class)) {
            assertThat(injector.getInstance(ChatStore.class)).isSameAs(storage);
            assertThat(injector.getInstance(Storage.class)).isSameAs(storage);
            assertThat(injector.getInstance(Key.get(ChatStore.class, ForRouting.class))).isNotSameAs(storage);
            assertThat(injector.getInstance(Key.get(ChatStore.class, ForAggregation.class))).isNotSameAs(storage);
            assertThat(provider.opened).containsOnlyKeys("primary", "archive");
            assertThat(storage.sourceNames()).containsExactly("primary", "archive");
        }
    }

    @Test
    void runsTheRealChainOverInMemorySources() {
        Injector injector = strictInjector(new StorageModule(config, List.of(provider)));
        Storage storage = injector.getInstance(Storage.class);
        try {
            ChatStore store = injector.getInstance(ChatStore.class);
            store.setChatSetting(1L, "greeting", "Hi from primary");
            provider.opened.get("archive").updateChatInfo(ARCHIVED_CHAT, ChatType.GROUP, "old", null, false);
            store.updateChatInfo(1L, ChatType.GROUP, "new", null, false);

            assertThat(injector.getInstance(Greeter.class).greet(1L)).isEqualTo("Hi from primary");
            assertThat(provider.opened.get("primary").getChatSetting(1L, "greeting")).contains("Hi from primary");
            assertThatThrownBy(() -> store.setChatSetting(ARCHIVED_CHAT, "greeting", "x"))
                    .isInstanceOf(ReadOnlySourceException.class);
            assertThat(store.getAllGroupChats()).extracting(ChatInfo::title).containsExactly("old", "new");
        } finally {
            storage.close();
        }
    }

    /** How a bot developer tests their code without any database: swap ChatStore for a Mockito mock. */
    @Test
    void botDeveloperSwapsChatStoreForAMock() {
        ChatStore mockStore = mock(ChatStore.class);
        when(mockStore.getChatSetting(7L, "greeting")).thenReturn(Optional.of("Hi from a mock"));

        Injector injector = strictInjector(Modules.override(new StorageModule(config, List.of(provider)))
                .with(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(ChatStore.class).toInstance(mockStore);
                    }
                }));

        assertThat(injector.getInstance(Greeter.class).greet(7L)).isEqualTo("Hi from a mock");
        verify(mockStore).getChatSetting(7L, "greeting");
        injector.getInstance(Storage.class).close();
    }
}
