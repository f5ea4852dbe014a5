package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreProvider;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening sources with their providers: by type, fail fast, clean up, and the context class loader. */
class SourceOpeningTest {
    private final MemoryStoreProvider memory = new MemoryStoreProvider();

    @Test
    void missingTypeIsAStartupErrorListingTheKnownTypes() {
        StorageConfig config = TestStores.config("main", List.of(TestStores.source("main"),
                TestStores.source("legacy").withType("postgres"), TestStores.source("other").withType("redis")),
                Map.of());

        assertThatThrownBy(() -> Storages.open(config, List.of(memory)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("No storage plugin provides type 'postgres' (source legacy), 'redis' (source other)")
                .hasMessageContaining("Known types: memory");
        assertThatThrownBy(() -> new StorageModule(config, List.of(memory))).isInstanceOf(StorageException.class);
        assertThat(memory.opened).isEmpty();
    }

    @Test
    void duplicateTypeIsAStartupError() {
        StorageConfig config = TestStores.config("main", List.of(TestStores.source("main")), Map.of());

        assertThatThrownBy(() -> Storages.open(config, List.of(memory, new MemoryStoreProvider())))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("Storage type 'memory' is provided twice");
    }

    @Test
    void sourceThatFailsToOpenClosesTheOnesOpenedBeforeIt() {
        SourceUnavailableException failure = new SourceUnavailableException("broken",
                "Source 'broken' (path /missing.db) cannot be opened", null);
        StoreProvider failing = new StoreProvider() {
            @Override
            public String type() {
                return "failing";
            }

            @Override
            public ChatStore open(SourceConfig source) {
                throw failure;
            }
        };
        StorageConfig config = TestStores.config("first", List.of(TestStores.source("first"),
                TestStores.source("second"), TestStores.source("broken").withType("failing")), Map.of());

        assertThatThrownBy(() -> Storages.open(config, List.of(memory, failing))).isSameAs(failure);
        assertThat(memory.opened).containsOnlyKeys("first", "second");
        memory.opened.values().forEach(store ->
                assertThatThrownBy(store::getSettings).isInstanceOf(StorageClosedException.class));
    }

    @Test
    void providerOpensWithItsOwnClassLoaderAsContextLoader() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            // A provider class defined by another loader, as a PF4J plugin's would be.
            StoreProvider provider = new StoreProvider() {
                @Override
                public String type() {
                    return "memory";
                }

                @Override
                public ChatStore open(SourceConfig source) {
                    assertThat(Thread.currentThread().getContextClassLoader())
                            .isSameAs(getClass().getClassLoader());
                    return new InMemoryChatStore(source.name());
                }
            };
            Thread.currentThread().setContextClassLoader(pluginLoader);
            StorageConfig config = TestStores.config("main", List.of(TestStores.source("main")), Map.of());

            Storages.open(config, List.of(provider)).close();
            Storages.open(config, List.of(memory)).close();

            assertThat(memory.contextLoaders).containsExactly(MemoryStoreProvider.class.getClassLoader());
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(pluginLoader);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void providerReturningNullIsAnError() {
        StoreProvider broken = new StoreProvider() {
            @Override
            public String type() {
                return "memory";
            }

            @Override
            public ChatStore open(SourceConfig source) {
                return null;
            }
        };
        StorageConfig config = TestStores.config("main", List.of(TestStores.source("main")), Map.of());

        assertThatThrownBy(() -> Storages.open(config, List.of(broken)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("returned null for source 'main'");
    }
}
