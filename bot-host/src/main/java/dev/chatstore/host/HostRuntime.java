package dev.chatstore.host;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageConfig;
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
    private final StoragePlugins plugins;
    private final List<String> providerTypes;
    private final Storage storage;
    private boolean closed;

    private HostRuntime(HostSetup setup, StoragePlugins plugins, List<String> providerTypes, Storage storage) {
        this.setup = setup;
        this.plugins = plugins;
        this.providerTypes = providerTypes;
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
        StoragePlugins plugins = StoragePlugins.load(setup.pluginsDir());
        Storage storage = null;
        try {
            logPlugins(plugins);
            ProviderIndex providers = ProviderIndex.of(plugins.providers(),
                    provider -> provider.getClass().getName() + plugins.pluginOf(provider).map(id -> " (plugin " + id + ")")
                            .orElse(" (host class path)"), setup.pluginsDir());
            providers.requireTypes(setup.storageConfig(), plugins.failedPlugins().stream()
                    .map(plugin -> plugin.getPluginId() + " " + plugin.getPluginState()).toList());
            if (probeSourcesFirst) {
                SourceProbe.requireAllOpen(setup.storageConfig(), providers);
            }
            Injector injector = Guice.createInjector(Stage.PRODUCTION,
                    new HostModule(setup.storageConfig(), providers.providers()));
            storage = injector.getInstance(Storage.class);
            HostRuntime runtime = new HostRuntime(setup, plugins, providers.types(), storage);
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

    public StorageConfig config() {
        return setup.storageConfig();
    }

    public Storage storage() {
        return storage;
    }

    public Path pluginsDir() {
        return setup.pluginsDir();
    }

    /** The storage types the loaded plugins provide. */
    public List<String> providerTypes() {
        return providerTypes;
    }

    /** The loaded plugins as "id version (state)". */
    public List<String> pluginDescriptions() {
        return plugins.plugins().stream().map(HostRuntime::describe).toList();
    }

    /**
     * A status snapshot of one source at constant cost (no counts: {@link StoreAdmin#status()}), or empty when its
     * backend has no {@link StoreAdmin}.
     */
    public Optional<SourceStatus> status(String sourceName) {
        return storage.admin(sourceName).map(StoreAdmin::status);
    }

    /** {@link #status(String)} with the source's chats and messages counted ({@link StoreAdmin#statusWithCounts()}). */
    public Optional<SourceStatus> statusWithCounts(String sourceName) {
        return storage.admin(sourceName).map(StoreAdmin::statusWithCounts);
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
        List<String> refusals = new ArrayList<>();
        for (SourceConfig source : config().sources()) {
            Optional<SourceStatus> status = status(source.name());
            String backendVersion = status.map(SourceStatus::backendVersion).orElse("unknown");
            log.info("Source {}: type {}, path {}, {}, pool size {}, {} {}", source.name(), source.type(),
                    source.path(), source.readonly() ? "ro" : "rw", source.poolSize(),
                    SourceConfig.DEFAULT_TYPE.equals(source.type()) ? "SQLite" : "backend", backendVersion);
            status.filter(s -> !s.healthy())
                    .ifPresent(s -> log.warn("Source {} is unhealthy: {}", source.name(), s.detail()));
            if (SourceConfig.DEFAULT_TYPE.equals(source.type())) {
                if (!SqliteVersionRule.readable(backendVersion)) {
                    log.warn("Source {}: cannot read its SQLite version ('{}'); {} or newer is required",
                            source.name(), backendVersion, SqliteVersionRule.MINIMUM);
                }
                SqliteVersionRule.refusal(source.name(), backendVersion).ifPresent(refusals::add);
            }
        }
        if (!refusals.isEmpty()) {
            throw new HostFailure(ExitCode.FAILED, refusals.get(0), refusals.subList(1, refusals.size()));
        }
    }

    private static void logPlugins(StoragePlugins plugins) {
        if (plugins.plugins().isEmpty()) {
            log.warn("No plugins found in {}", plugins.pluginsDir());
        }
        for (PluginWrapper plugin : plugins.plugins()) {
            log.info("Plugin {}", describe(plugin));
            if (plugin.getFailedException() != null) {
                log.warn("Plugin {} failed: {}", plugin.getPluginId(), plugin.getFailedException().toString());
            }
        }
    }

    private static String describe(PluginWrapper plugin) {
        return plugin.getPluginId() + " " + plugin.getDescriptor().getVersion() + " ("
                + plugin.getPluginState().toString().toLowerCase(Locale.ROOT) + ", " + plugin.getPluginPath() + ")";
    }
}
