package dev.chatstore.host;

import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DevelopmentPluginLoader;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;

import java.nio.file.Path;

/**
 * PF4J's {@link DefaultPluginManager} (deployment mode, zip and jar plugins) whose plugin class loaders always take
 * the storage SPI from the host. A plugin that wrongly bundles storage-api then still works, instead of PF4J
 * dropping its extension with only a "Different class loaders" log line.
 */
final class SpiFirstPluginManager extends DefaultPluginManager {
    static final String SPI_PACKAGE = "dev.chatstore.storage.spi.";

    SpiFirstPluginManager(Path pluginsDir) {
        super(pluginsDir);
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

    /** A plugin class loader that is child-first for everything except PF4J's and the storage SPI's classes. */
    static final class SpiFirstClassLoader extends PluginClassLoader {
        SpiFirstClassLoader(PluginManager pluginManager, PluginDescriptor descriptor, ClassLoader parent) {
            super(pluginManager, descriptor, parent);
        }

        @Override
        protected boolean shouldDelegateToParent(String className) {
            return className.startsWith(SPI_PACKAGE) || super.shouldDelegateToParent(className);
        }
    }
}
