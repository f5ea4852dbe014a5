package dev.chatstore.storage.plugins;

import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DevelopmentPluginLoader;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * PF4J's {@link DefaultPluginManager} (deployment mode, zip and jar plugins) whose plugin class loaders always take
 * the storage SPI from the application. A plugin that wrongly bundles storage-api then still works, instead of PF4J
 * dropping its extension with only a "Different class loaders" log line. An entry of the plugins folder that is no
 * plugin is skipped with one WARN line (its stack trace at DEBUG), instead of PF4J's ERROR with a trace.
 */
final class SpiFirstPluginManager extends DefaultPluginManager {
    static final String SPI_PACKAGE = "dev.chatstore.storage.spi.";
    private static final Logger log = LoggerFactory.getLogger(StoragePlugins.class);

    private final List<String> skipped = new ArrayList<>();

    SpiFirstPluginManager(Path pluginsDir) {
        super(pluginsDir);
    }

    /** One line per entry of the plugins folder that was not loaded, and why. */
    List<String> skipped() {
        return List.copyOf(skipped);
    }

    @Override
    public void loadPlugins() {
        for (Path root : getPluginsRoots()) {
            if (!Files.isDirectory(root)) {
                log.warn("Plugins folder {} does not exist; no storage plugins loaded", root);
            }
        }
        List<Path> candidates = pluginRepository.getPluginPaths();
        for (Path root : getPluginsRoots()) {
            for (Path entry : entries(root)) {
                if (!candidates.contains(entry) && !isExpandedZip(entry, candidates)) {
                    skip(entry, "not a plugin (PF4J loads zip and jar files, and folders expanded from a zip)", null);
                }
            }
        }
        for (Path path : candidates) {
            try {
                loadPluginFromPath(path);
            } catch (PluginRuntimeException e) {
                skip(path, e.getMessage(), e);
            }
        }
        resolvePlugins();
    }

    private void skip(Path entry, String why, Exception cause) {
        String line = String.format("Skipped %s in the plugins folder: %s", entry, why);
        skipped.add(line);
        log.warn("{}; a plugin is a zip with plugin.properties and lib/, so remove or move the entry", line);
        if (cause != null) {
            log.debug("Why {} is no plugin", entry, cause);
        }
    }

    /** The visible entries of a plugins folder, sorted; none when it cannot be listed. */
    private static List<Path> entries(Path root) {
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(path -> !path.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A zip whose expanded folder beside it is a candidate (PF4J loads the folder). */
    private static boolean isExpandedZip(Path entry, List<Path> candidates) {
        String name = entry.getFileName().toString();
        return name.endsWith(".zip")
                && candidates.contains(entry.resolveSibling(name.substring(0, name.length() - ".zip".length())));
    }

    /**
     * PF4J's two descriptor finders (plugin.properties, then a manifest), without PF4J's compound finder, which logs
     * an ERROR with a stack trace for every folder that has neither: the caller skips such an entry with one line.
     */
    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        List<PluginDescriptorFinder> finders = List.of(new PropertiesPluginDescriptorFinder(),
                new ManifestPluginDescriptorFinder());
        return new PluginDescriptorFinder() {
            @Override
            public boolean isApplicable(Path pluginPath) {
                return finders.stream().anyMatch(finder -> finder.isApplicable(pluginPath));
            }

            @Override
            public PluginDescriptor find(Path pluginPath) {
                List<String> why = new ArrayList<>();
                for (PluginDescriptorFinder finder : finders) {
                    if (finder.isApplicable(pluginPath)) {
                        try {
                            return finder.find(pluginPath);
                        } catch (RuntimeException e) {
                            why.add(e.getMessage());
                        }
                    }
                }
                throw new PluginRuntimeException("no plugin descriptor (plugin.properties, or a manifest with "
                        + "Plugin-Id): " + String.join("; ", why));
            }
        };
    }

    @Override
    protected PluginLoader createPluginLoader() {
        // The same loaders, in the same order and under the same mode conditions, as DefaultPluginManager's.
        return new CompoundPluginLoader()
                .add(new DevelopmentPluginLoader(this), this::isDevelopment)
                .add(new JarPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return new SpiFirstClassLoader(pluginManager, descriptor, getClass().getClassLoader());
                    }
                }, this::isNotDevelopment)
                .add(new DefaultPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return new SpiFirstClassLoader(pluginManager, descriptor, getClass().getClassLoader());
                    }
                }, this::isNotDevelopment);
    }

    /** Whether a loaded plugin's class loader could see its own copy of the SPI. */
    static boolean bundlesSpi(PluginWrapper plugin) {
        return plugin.getPluginClassLoader() instanceof SpiFirstClassLoader loader && loader.ownSpi();
    }

    /** A plugin class loader that is child-first for everything except PF4J's and the storage SPI's classes. */
    static final class SpiFirstClassLoader extends PluginClassLoader {
        SpiFirstClassLoader(PluginManager pluginManager, PluginDescriptor descriptor, ClassLoader parent) {
            super(pluginManager, descriptor, parent);
        }

        @Override
        protected boolean shouldDelegateToParent(String className) {
            return className.startsWith(SPI_PACKAGE) || super.shouldDelegateToParent(className);
        }

        /** Whether the plugin's own jars hold the SPI (it is still taken from the parent). */
        boolean ownSpi() {
            return findResource(SPI_PACKAGE.replace('.', '/') + "StoreProvider.class") != null;
        }
    }
}
