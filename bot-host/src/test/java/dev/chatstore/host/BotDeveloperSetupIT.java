package dev.chatstore.host;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.chatstore.host.BotDeveloperExamplesTest.BotModule;
import dev.chatstore.host.BotDeveloperExamplesTest.WelcomeHandler;
import dev.chatstore.storage.config.StorageConfigReader;
import dev.chatstore.storage.plugins.StoragePlugins;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.StoreProviders;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's bot set-up, run against the built SQLite plugin zip: the real loader, config reader and chain. */
class BotDeveloperSetupIT {
    @TempDir
    Path dir;

    @Test
    void theReadmeSetUpStoresThroughTheRealPlugin() throws IOException {
        Path pluginsFolder = HostProcess.installPlugins(dir);
        Files.writeString(dir.resolve("bot.toml"), """
                [database]
                default = "primary"
                [database.sources.primary]
                path = "data/primary.db"
                [database.sources.archive]
                path = "data/archive.db"
                """);
        Path configFile = dir.resolve("bot.toml");
        long chatId = 42;

        // README:begin bot-setup
        StoragePlugins plugins = StoragePlugins.load(pluginsFolder);   // the host's loader: SPI-first, clear reports
        StoreProviders providers = StoreProviders.of(plugins.providers());
        StorageConfig config = StorageConfigReader.fromToml(configFile, providers.keys());   // backends check their keys
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new BotModule(config, providers));
        Storage storage = injector.getInstance(Storage.class);

        injector.getInstance(WelcomeHandler.class).onJoin(chatId, 7, "anna", "Anna K");
        storage.source("archive").getChatMessages(chatId, MessageQuery.latest(20));   // the guide's dataSource=

        storage.close();   // on shutdown: the storage first (every pool), then the plugins
        plugins.close();
        // README:end

        assertThat(plugins.problems()).isEmpty();
        assertThat(dir.resolve("data/primary.db")).isRegularFile();
        try (StoragePlugins again = StoragePlugins.load(pluginsFolder)) {
            StoreProviders reopened = StoreProviders.of(again.providers());
            try (Storage check = dev.chatstore.storage.routing.Storages.open(
                    StorageConfigReader.fromToml(configFile, reopened.keys()), reopened)) {
                Optional<ChatUser> user = check.getChatUser(chatId, 7);
                assertThat(user).map(ChatUser::username).contains("anna");
            }
        }
    }
}
