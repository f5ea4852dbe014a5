package dev.chatstore.host;

import dev.chatstore.storage.config.SourceKeys;
import dev.chatstore.storage.config.StorageConfigReader;
import dev.chatstore.storage.config.TomlDocument;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Everything the host decides before loading a plugin: which config, the config file parsed once, the host's own
 * settings and the plugins folder. The storage config is read from the same parse once the plugins are loaded
 * ({@link #storageConfig(SourceKeys)}), since each backend declares its own keys.
 *
 * @param document         the parsed config file; empty in the single-file form ({@code --db})
 * @param settingsProblems problems of the host's own tables, reported together with the storage config's
 */
public record HostSetup(ConfigChoice choice, Optional<TomlDocument> document, List<String> settingsProblems,
                        HostSettings settings, Path pluginsDir) {
    public HostSetup {
        requireNonNull(choice, "choice is null");
        requireNonNull(document, "document is null");
        settingsProblems = List.copyOf(settingsProblems);
        requireNonNull(settings, "settings is null");
        requireNonNull(pluginsDir, "pluginsDir is null");
    }

    /** Resolves the options against the process's working directory and the jar's checkout. */
    public static HostSetup resolve(HostOptions options) {
        return resolve(options, Path.of("").toAbsolutePath(), InstallLocation.find());
    }

    /**
     * Resolves the options and parses the config file.
     *
     * @throws HostFailure            (exit 2) if both {@code --config} and {@code --db} are given or the config file
     *                                does not exist
     * @throws StorageConfigException if the file cannot be read or is not valid TOML
     */
    public static HostSetup resolve(HostOptions options, Path workingDir, Optional<Path> installRoot) {
        ConfigChoice choice = ConfigChoice.resolve(options.config(), options.db(), workingDir, installRoot);
        Optional<TomlDocument> document = Optional.empty();
        HostSettings settings;
        List<String> problems = new ArrayList<>();
        if (choice.db().isPresent()) {
            settings = HostSettings.none();
        } else {
            Path configFile = choice.configFile();
            if (!Files.isRegularFile(configFile)) {
                throw HostFailure.usage("Config file " + configFile + " not found: pass --config FILE, "
                        + "or --db FILE for a single database");
            }
            TomlDocument parsed = TomlDocument.read(configFile);
            document = Optional.of(parsed);
            settings = HostSettings.of(parsed, problems::add);
        }
        Path pluginsDir = PluginsDirectory.resolve(options.plugins(), settings, choice, workingDir, installRoot);
        return new HostSetup(choice, document, problems, settings, pluginsDir);
    }

    /**
     * The storage config, each source's own keys checked against its provider's declaration.
     *
     * @throws StorageConfigException listing every problem of the storage config and of the host's tables together
     */
    public StorageConfig storageConfig(SourceKeys keys) {
        if (document.isEmpty()) {
            return StorageConfigReader.of(choice.dbFile().toString(), null, keys);
        }
        List<String> problems = new ArrayList<>();
        StorageConfig config = null;
        try {
            config = StorageConfigReader.read(document.get(), keys);
        } catch (StorageConfigException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(settingsProblems);
        if (!problems.isEmpty()) {
            throw new StorageConfigException(problems);
        }
        return config;
    }
}
