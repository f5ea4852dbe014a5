package dev.chatstore.host;

import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Everything the host decides before loading a plugin: which config, the validated storage config, the host's own
 * settings and the plugins folder.
 */
public record HostSetup(ConfigChoice choice, StorageConfig storageConfig, HostSettings settings, Path pluginsDir) {
    public HostSetup {
        requireNonNull(choice, "choice is null");
        requireNonNull(storageConfig, "storageConfig is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(pluginsDir, "pluginsDir is null");
    }

    /** Resolves the options against the process's working directory and the jar's checkout. */
    public static HostSetup resolve(HostOptions options) {
        return resolve(options, Path.of("").toAbsolutePath(), InstallLocation.find());
    }

    /**
     * Resolves the options.
     *
     * @throws HostFailure            (exit 2) if both {@code --config} and {@code --db} are given or the config file
     *                                does not exist
     * @throws StorageConfigException listing every problem of the storage config and the host's tables together
     */
    public static HostSetup resolve(HostOptions options, Path workingDir, Optional<Path> installRoot) {
        ConfigChoice choice = ConfigChoice.resolve(options.config(), options.db(), workingDir, installRoot);
        StorageConfig storageConfig;
        HostSettings settings;
        if (choice.db().isPresent()) {
            storageConfig = StorageConfig.of(choice.dbFile().toString(), null);
            settings = HostSettings.none();
        } else {
            Path configFile = choice.configFile();
            if (!Files.isRegularFile(configFile)) {
                throw HostFailure.usage("Config file " + configFile + " not found: pass --config FILE, "
                        + "or --db FILE for a single database");
            }
            List<String> problems = new ArrayList<>();
            settings = HostSettings.read(configFile, problems::add);
            try {
                storageConfig = StorageConfig.fromToml(configFile);
            } catch (StorageConfigException e) {
                problems.addAll(0, e.problems());
                throw new StorageConfigException(problems);
            }
            if (!problems.isEmpty()) {
                throw new StorageConfigException(problems);
            }
        }
        Path pluginsDir = PluginsDirectory.resolve(options.plugins(), settings, choice, workingDir, installRoot);
        return new HostSetup(choice, storageConfig, settings, pluginsDir);
    }
}
