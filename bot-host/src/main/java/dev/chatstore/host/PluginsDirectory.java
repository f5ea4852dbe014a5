package dev.chatstore.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides which folder the host loads storage plugins from. */
final class PluginsDirectory {
    static final Path DEFAULT_NAME = Path.of("plugins");

    private PluginsDirectory() {
    }

    /**
     * The plugins folder, absolute and normalized. In order: {@code --plugins} (relative to the working directory);
     * the config's {@code [plugins] dir} (already resolved against the config file's folder); else the first
     * existing of {@code plugins/} beside the config's folder and {@code ./plugins} (with {@code --db}:
     * {@code ./plugins}, then the installation's {@code plugins/}). When none exists the first candidate is
     * returned, so the error that no plugin provides a type names a sensible folder.
     *
     * @param override    {@code --plugins}, or null
     * @param settings    the config's host settings
     * @param choice      the config in use
     * @param workingDir  the process's working directory
     * @param installRoot the checkout the jar runs from, when known
     */
    static Path resolve(Path override, HostSettings settings, ConfigChoice choice, Path workingDir,
            Optional<Path> installRoot) {
        if (override != null) {
            return ConfigChoice.absolute(workingDir, override);
        }
        if (settings.pluginsDir().isPresent()) {
            return settings.pluginsDir().get();
        }
        List<Path> candidates = new ArrayList<>();
        choice.config().map(file -> file.getParent().getParent())
                .ifPresent(parent -> candidates.add(parent.resolve(DEFAULT_NAME)));
        candidates.add(ConfigChoice.absolute(workingDir, DEFAULT_NAME));
        if (choice.db().isPresent()) {
            installRoot.ifPresent(root -> candidates.add(ConfigChoice.absolute(root, DEFAULT_NAME)));
        }
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(candidates.get(0));
    }
}
