package dev.chatstore.host;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Finds the checkout the running jar belongs to ({@code bot-host/target/bot-host.jar} two levels below it), so the
 * default config and plugins folder do not depend on the working directory.
 */
final class InstallLocation {
    private static final int MAX_LEVELS = 4;

    private InstallLocation() {
    }

    /** The nearest folder above the host's jar (or classes folder) that holds {@code configs/bot.toml}. */
    static Optional<Path> find() {
        CodeSource source = InstallLocation.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            return findAbove(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<Path> findAbove(Path start) {
        Path folder = start.toAbsolutePath().normalize();
        for (int level = 0; folder != null && level <= MAX_LEVELS; level++, folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(ConfigChoice.DEFAULT_CONFIG))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }
}
