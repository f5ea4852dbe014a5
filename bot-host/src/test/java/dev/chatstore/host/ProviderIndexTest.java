package dev.chatstore.host;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StoreProvider;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderIndexTest {
    private static final Path PLUGINS = Path.of("/srv/bot/plugins");

    @Test
    void indexesProvidersByType() {
        ProviderIndex index = ProviderIndex.of(List.of(provider("sqlite"), provider("memory")), p -> "x", PLUGINS);

        assertThat(index.types()).containsExactly("sqlite", "memory");
        assertThat(index.provider("memory").type()).isEqualTo("memory");
    }

    @Test
    void aTypeProvidedTwiceIsFatal() {
        assertThatThrownBy(() -> ProviderIndex.of(List.of(provider("sqlite"), provider("sqlite")),
                p -> "plugin " + System.identityHashCode(p), PLUGINS))
                .isInstanceOfSatisfying(HostFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(2))
                .hasMessageContaining("Storage type 'sqlite' is provided twice")
                .hasMessageContaining(PLUGINS.toString())
                .hasMessageContaining("remove one of the two plugins");
    }

    @Test
    void aConfiguredTypeWithoutProviderListsKnownTypesAndThePluginsFolder() {
        ProviderIndex index = ProviderIndex.of(List.of(provider("sqlite")), p -> "x", PLUGINS);
        StorageConfig config = StorageConfig.fromMap(Map.of("default", "b", "sources", Map.of(
                "a", Map.of("path", "/a.db", "type", "mongo"),
                "b", Map.of("path", "/b.db"))));

        assertThatThrownBy(() -> index.requireTypes(config, List.of("storage-mongo FAILED")))
                .isInstanceOfSatisfying(HostFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(2))
                .hasMessageContaining("No storage plugin provides type 'mongo' (source a)")
                .hasMessageContaining("Known types: sqlite, from plugins folder " + PLUGINS)
                .hasMessageContaining("plugins that failed to start: storage-mongo FAILED")
                .hasMessageNotContaining("\n");
    }

    @Test
    void noPluginsAtAllSaysNone() {
        ProviderIndex index = ProviderIndex.of(List.of(), p -> "x", PLUGINS);
        StorageConfig config = StorageConfig.singleFile("/a.db", 1, SourceConfig.DEFAULT_TIMEOUT);

        assertThatThrownBy(() -> index.requireTypes(config, List.of()))
                .hasMessageContaining("Known types: none, from plugins folder " + PLUGINS);
    }

    @Test
    void opensWithThePluginsClassLoaderAsContextLoaderAndRestoresIt() {
        AtomicReference<ClassLoader> seen = new AtomicReference<>();
        StoreProvider provider = new StoreProvider() {
            @Override
            public String type() {
                return "sqlite";
            }

            @Override
            public ChatStore open(SourceConfig source) {
                seen.set(Thread.currentThread().getContextClassLoader());
                return new InMemoryChatStore();
            }
        };
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        ClassLoader other = new ClassLoader(null) {
        };
        Thread.currentThread().setContextClassLoader(other);
        try {
            ProviderIndex.of(List.of(provider), p -> "x", PLUGINS).provider("sqlite").open(SourceConfig.of("a", "/a.db"))
                    .close();

            assertThat(seen.get()).isSameAs(provider.getClass().getClassLoader());
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(other);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    static StoreProvider provider(String type) {
        return new StoreProvider() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public ChatStore open(SourceConfig source) {
                return new InMemoryChatStore(source.name());
            }
        };
    }
}
