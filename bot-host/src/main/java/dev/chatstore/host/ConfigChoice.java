package dev.chatstore.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which storage configuration the host runs with: a TOML config file or a single database file ({@code --db}),
 * never both. Paths are absolute and normalized.
 *
 * @param configFile the TOML file, or null in the single-file form
 * @param dbFile     the single database file, or null when a config file is used
 */
public record ConfigChoice(Path configFile, Path dbFile) {
    /** Where the config is looked for when neither {@code --config} nor {@code --db} is given. */
    public static final Path DEFAULT_CONFIG = Path.of("configs", "bot.toml");

    public ConfigChoice {
        if ((configFile == null) == (dbFile == null)) {
            throw new IllegalArgumentException("exactly one of configFile and dbFile must be set");
        }
    }

    /**
     * Applies the guide's rule "give exactly one of dbPath and config" to the command line.
     *
     * <p>Without either option the default {@code configs/bot.toml} is taken from the working directory, else from
     * the installation the jar belongs to, so the jar runs from any folder of a checkout.
     *
     * @param configOption {@code --config}, or null
     * @param dbOption     {@code --db}, or null
     * @param workingDir   the folder relative options resolve against
     * @param installRoot  the checkout the jar runs from, when known
     * @throws HostFailure with exit code 2 if both options are given
     */
    public static ConfigChoice resolve(Path configOption, Path dbOption, Path workingDir, Optional<Path> installRoot) {
        if (configOption != null && dbOption != null) {
            throw HostFailure.usage("Cannot provide both dbPath and config - choose one mode: "
                    + "pass either --config FILE or --db FILE");
        }
        if (dbOption != null) {
            return new ConfigChoice(null, absolute(workingDir, dbOption));
        }
        if (configOption != null) {
            return new ConfigChoice(absolute(workingDir, configOption), null);
        }
        Path local = absolute(workingDir, DEFAULT_CONFIG);
        if (Files.isRegularFile(local)) {
            return new ConfigChoice(local, null);
        }
        return new ConfigChoice(installRoot.map(root -> absolute(root, DEFAULT_CONFIG))
                .filter(Files::isRegularFile)
                .orElse(local), null);
    }

    /** The config file, empty in the single-file form. */
    public Optional<Path> config() {
        return Optional.ofNullable(configFile);
    }

    /** The database file of the single-file form, empty when a config file is used. */
    public Optional<Path> db() {
        return Optional.ofNullable(dbFile);
    }

    /** How the choice reads in logs and reports. */
    public String describe() {
        return configFile != null ? "config " + configFile : "single database file " + dbFile;
    }

    static Path absolute(Path base, Path path) {
        return base.resolve(path).toAbsolutePath().normalize();
    }
}
