package dev.chatstore.storage.plugins;

import dev.chatstore.storage.spi.StoreProvider;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The storage plugins of one plugins folder: the one loader the host and bots share. PF4J in deployment mode, with
 * every plugin class loader taking the storage SPI ({@code dev.chatstore.storage.spi}) from the application, so a
 * plugin that wrongly bundles storage-api still works, and is reported ({@link #problems()}, a WARN line) instead
 * of silently vanishing. Entries of the folder that are no plugin are skipped with one WARN line each.
 *
 * <pre>{@code
 * try (StoragePlugins plugins = StoragePlugins.load(Path.of("plugins"))) {
 *     Storage storage = Storages.open(config, plugins.providers());
 *     ...
 * }
 * }</pre>
 *
 * <p>Close the stores the providers opened before closing this (closing unloads the plugins). Not thread-safe to
 * close concurrently with use.
 */
public final class StoragePlugins implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoragePlugins.class);

    private final PluginManager manager;
    private final Path pluginsDir;
    private final List<String> problems;

    private StoragePlugins(PluginManager manager, Path pluginsDir, List<String> problems) {
        this.manager = manager;
        this.pluginsDir = pluginsDir;
        this.problems = List.copyOf(problems);
    }

    /**
     * Loads and starts every plugin in {@code pluginsDir} (a missing folder gives no plugins, with a WARN line).
     *
     * @throws RuntimeException what PF4J throws for a folder it cannot read at all; the plugins loaded so far are
     *                          unloaded first
     */
    public static StoragePlugins load(Path pluginsDir) {
        Path dir = requireNonNull(pluginsDir, "pluginsDir is null").toAbsolutePath().normalize();
        SpiFirstPluginManager manager = new SpiFirstPluginManager(dir);
        try {
            manager.loadPlugins();
            manager.startPlugins();
        } catch (RuntimeException e) {
            manager.unloadPlugins();
            throw e;
        }
        List<String> problems = new ArrayList<>(manager.skipped());
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (SpiFirstPluginManager.bundlesSpi(plugin)) {
                String line = String.format("Plugin %s (%s) bundles the storage SPI (storage-api). It is taken from "
                        + "the application here, so the plugin works, but remove it from the plugin's lib/: declare "
                        + "storage-api with <scope>provided</scope>", plugin.getPluginId(), plugin.getPluginPath());
                problems.add(line);
                log.warn(line);
            }
            if (plugin.getPluginState() != PluginState.STARTED) {
                String line = String.format("Plugin %s (%s) did not start: %s", plugin.getPluginId(),
                        plugin.getPluginPath(), plugin.getFailedException() != null
                                ? plugin.getFailedException().toString() : plugin.getPluginState());
                problems.add(line);
                log.warn(line);
            }
        }
        return new StoragePlugins(manager, dir, problems);
    }

    /** The absolute plugins folder. */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** Every {@link StoreProvider} extension of the started plugins. */
    public List<StoreProvider> providers() {
        return manager.getExtensions(StoreProvider.class);
    }

    /** The id of the plugin a provider came from, or empty when it came from the application's class path. */
    public Optional<String> pluginOf(StoreProvider provider) {
        return Optional.ofNullable(manager.whichPlugin(provider.getClass())).map(PluginWrapper::getPluginId);
    }

    /** Every plugin PF4J found, whatever its state. */
    public List<PluginWrapper> plugins() {
        return manager.getPlugins();
    }

    /** Plugins that PF4J found but could not start. */
    public List<PluginWrapper> failedPlugins() {
        return manager.getPlugins().stream().filter(plugin -> plugin.getPluginState() != PluginState.STARTED).toList();
    }

    /**
     * What was not right, one line each (also logged at WARN): skipped entries of the folder, plugins that bundle
     * the SPI, plugins that did not start.
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * Stops and unloads every plugin. PF4J 3.15.0's {@code stopPlugins()} throws a
     * {@code ConcurrentModificationException} once a plugin has started; {@code unloadPlugins()} stops each one too.
     */
    @Override
    public void close() {
        manager.unloadPlugins();
    }
}
