package dev.chatstore.host;

import dev.chatstore.storage.spi.StoreProvider;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The storage plugins of one plugins folder, loaded and started through PF4J in deployment mode. Closing unloads
 * them; close the stores they opened first.
 */
final class StoragePlugins implements AutoCloseable {
    private final PluginManager manager;
    private final Path pluginsDir;

    private StoragePlugins(PluginManager manager, Path pluginsDir) {
        this.manager = manager;
        this.pluginsDir = pluginsDir;
    }

    /** Loads and starts every plugin in {@code pluginsDir} (a missing folder gives no plugins). */
    static StoragePlugins load(Path pluginsDir) {
        requireNonNull(pluginsDir, "pluginsDir is null");
        PluginManager manager = new SpiFirstPluginManager(pluginsDir);
        try {
            manager.loadPlugins();
            manager.startPlugins();
        } catch (RuntimeException e) {
            manager.unloadPlugins();
            throw new HostFailure(ExitCode.FAILED, "Cannot load the plugins in " + pluginsDir + ": " + e.getMessage()
                    + "; remove or replace the broken plugin", List.of(), e);
        }
        return new StoragePlugins(manager, pluginsDir);
    }

    Path pluginsDir() {
        return pluginsDir;
    }

    /** Every plugin PF4J found, whatever its state. */
    List<PluginWrapper> plugins() {
        return manager.getPlugins();
    }

    /** Plugins that PF4J found but could not start, with the cause it recorded. */
    List<PluginWrapper> failedPlugins() {
        return manager.getPlugins().stream().filter(plugin -> plugin.getPluginState() != PluginState.STARTED).toList();
    }

    /** Every {@link StoreProvider} extension of the started plugins. */
    List<StoreProvider> providers() {
        return manager.getExtensions(StoreProvider.class);
    }

    /** The id of the plugin a provider came from, or empty when it came from the host's class path. */
    Optional<String> pluginOf(StoreProvider provider) {
        return Optional.ofNullable(manager.whichPlugin(provider.getClass())).map(PluginWrapper::getPluginId);
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
