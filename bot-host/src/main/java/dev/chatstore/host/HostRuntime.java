package dev.chatstore.host;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.chatstore.storage.plugins.StoragePlugins;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.StoreProviders;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreAdmin;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The running host: plugins loaded from the plugins folder, the Guice injector and the open {@link Storage}.
 * {@link #close()} closes the storage (every source's pool), then unloads the plugins. Thread-safe to close from a
 * shutdown hook while a command runs.
 */
public final class HostRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HostRuntime.class);

    private final HostSetup setup;
    private final StorageConfig config;
    private final StoragePlugins plugins;
    private final StoreProviders providers;
    private final Storage storage;
    private boolean closed;

    private HostRuntime(HostSetup setup, StorageConfig config, StoragePlugins plugins, StoreProviders providers,
                        Storage storage) {
        this.setup = setup;
        this.config = config;
        this.plugins = plugins;
        this.providers = providers;
        this.storage = storage;
    }

    /** Starts the host; see {@link #start(HostSetup, boolean)}. */
    public static HostRuntime start(HostSetup setup) {
        return start(setup, false);
    }

    /**
     * Loads the plugins, opens every source through the storage chain and checks each SQLite source's library.
     *
     * @param probeSourcesFirst open each source on its own first, so every failing source is reported at once
     * @throws HostFailure     (exit 2) for a duplicate or missing storage type or a source that cannot be opened (all
     *                         of them when probing); (exit 1) for an SQLite library that is too old
     * @throws RuntimeException another failure opening the storage, unwrapped from Guice
     */
    public static HostRuntime start(HostSetup setup, boolean probeSourcesFirst) {
        requireNonNull(setup, "setup is null");
        log.info("Configuration: {}", setup.choice().describe());
        log.info("Plugins folder: {}", setup.pluginsDir());
        StoragePlugins plugins = loadPlugins(setup.pluginsDir());
        Storage storage = null;
        try {
            logPlugins(plugins);
            StoreProviders providers = providers(plugins, setup.pluginsDir());
            StorageConfig config = setup.storageConfig(providers.keys());
            try {
                providers.requireTypes(config, "");
            } catch (StorageException e) {
                throw HostFailure.usage(e.getMessage());
            }
            if (probeSourcesFirst) {
                SourceProbe.requireAllOpen(config, providers);
            }
            Injector injector = Guice.createInjector(Stage.PRODUCTION, new HostModule(config, providers));
            storage = injector.getInstance(Storage.class);
            HostRuntime runtime = new HostRuntime(setup, config, plugins, providers, storage);
            runtime.checkSources();
            return runtime;
        } catch (RuntimeException e) {
            RuntimeException failure = asStartupFailure(GuiceErrors.unwrap(e));
            try {
                if (storage != null) {
                    storage.close();
                }
            } catch (RuntimeException closeFailure) {
                failure.addSuppressed(closeFailure);
            } finally {
                plugins.close();
            }
            throw failure;
        }
    }

    /**
     * A source that cannot be opened at start (a missing readonly file, a file that is not a database, an unsupported
     * schema) is a configuration problem, as {@code check-config} reports it: exit code 2.
     */
    private static RuntimeException asStartupFailure(RuntimeException failure) {
        if (failure instanceof SourceUnavailableException) {
            return new HostFailure(ExitCode.USAGE, Errors.oneLine(failure), List.of(), failure);
        }
        return failure;
    }

    public HostSetup setup() {
        return setup;
    }

    /** The storage config, read once the plugins declared their keys. */
    public StorageConfig config() {
        return config;
    }

    public Storage storage() {
        return storage;
    }

    public Path pluginsDir() {
        return setup.pluginsDir();
    }

    /** The storage types the loaded plugins provide. */
    public List<String> providerTypes() {
        return providers.types();
    }

    /** The loaded providers, for commands that open a source on their own terms (a move opens its target). */
    public StoreProviders providers() {
        return providers;
    }

    /** The loaded plugins as "id version (state)". */
    public List<String> pluginDescriptions() {
        return plugins.plugins().stream().map(HostRuntime::describe).toList();
    }

    /**
     * A status snapshot of one source, at constant cost (no counts: {@link StoreAdmin#status()}). A backend
     * without {@link StoreAdmin} gets one from its config, with health from a point read through the source
     * ({@code StoreAdmin} is optional); fields it cannot tell are "unknown"/-1.
     */
    public SourceStatus status(String sourceName) {
        return status(sourceName, false);
    }

    /** {@link #status(String)} with the source's chats and messages counted ({@link StoreAdmin#statusWithCounts()}). */
    public SourceStatus statusWithCounts(String sourceName) {
        return status(sourceName, true);
    }

    private SourceStatus status(String sourceName, boolean counts) {
        Optional<StoreAdmin> admin = storage.admin(sourceName);
        if (admin.isPresent()) {
            return counts ? admin.get().statusWithCounts() : admin.get().status();
        }
        SourceConfig source = config.source(sourceName);
        String detail = "";
        try {
            storage.source(sourceName).getChatInfo(0L);
        } catch (RuntimeException e) {
            detail = Errors.oneLine(e);
        }
        return new SourceStatus(sourceName, source.location(), source.readonly(), source.poolSize(), 0, "unknown",
                -1, -1, "unknown", detail.isEmpty(), detail);
    }

    /** Closes the storage, then unloads the plugins. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            storage.close();
        } finally {
            plugins.close();
            log.debug("Storage closed and plugins unloaded");
        }
    }

    private void checkSources() {
        for (SourceConfig source : config().sources()) {
            SourceStatus status = status(source.name());
            log.info("Source {}: type {}, at {}, {}, pool size {}, version {}", source.name(), source.type(),
                    status.location(), source.readonly() ? "ro" : "rw", status.poolSize(), status.backendVersion());
            if (!status.healthy()) {
                log.warn("Source {} is unhealthy: {}", source.name(), status.detail());
            }
        }
    }

    /**
     * The providers of the started plugins, indexed by type.
     *
     * @throws HostFailure (exit 2) if two plugins provide one type
     */
    private static StoreProviders providers(StoragePlugins plugins, Path pluginsDir) {
        try {
            return StoreProviders.of(plugins.providers(), provider -> provider.getClass().getName()
                    + plugins.pluginOf(provider).map(id -> " (plugin " + id + ")").orElse(" (host class path)"),
                    ", from plugins folder " + pluginsDir + (plugins.failedPlugins().isEmpty() ? ""
                            : "; plugins that failed to start: " + String.join(", ", plugins.failedPlugins().stream()
                            .map(plugin -> plugin.getPluginId() + " " + plugin.getPluginState()).toList())));
        } catch (StorageException e) {
            throw HostFailure.usage(e.getMessage());
        }
    }

    private static StoragePlugins loadPlugins(Path pluginsDir) {
        try {
            return StoragePlugins.load(pluginsDir);
        } catch (RuntimeException e) {
            throw new HostFailure(ExitCode.FAILED, "Cannot load the plugins in " + pluginsDir + ": " + e.getMessage()
                    + "; remove or replace the broken plugin", List.of(), e);
        }
    }

    private static void logPlugins(StoragePlugins plugins) {
        if (plugins.plugins().isEmpty()) {
            log.warn("No plugins found in {}", plugins.pluginsDir());
        }
        for (PluginWrapper plugin : plugins.plugins()) {
            log.info("Plugin {}", describe(plugin));
        }
    }

    private static String describe(PluginWrapper plugin) {
        return plugin.getPluginId() + " " + plugin.getDescriptor().getVersion() + " ("
                + plugin.getPluginState().toString().toLowerCase(Locale.ROOT) + ", " + plugin.getPluginPath() + ")";
    }
}
