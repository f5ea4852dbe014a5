package dev.chatstore.host;

import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The host's own tables of the config file: {@code [plugins] dir} and {@code [telegram] secret-token}. The
 * {@code [database]} table is {@link dev.chatstore.storage.spi.StorageConfig}'s.
 *
 * @param pluginsDir  {@code [plugins] dir}, resolved against the config file's folder; empty when not set
 * @param secretToken {@code [telegram] secret-token}, the webhook's shared secret; empty when not set
 */
public record HostSettings(Optional<Path> pluginsDir, Optional<String> secretToken) {
    static final List<String> TOP_LEVEL_KEYS = List.of("database", "plugins", "telegram");
    static final List<String> PLUGINS_KEYS = List.of("dir");
    static final List<String> TELEGRAM_KEYS = List.of("secret-token");
    // What Telegram accepts for setWebhook's secret_token.
    private static final Pattern SECRET_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public HostSettings {
        pluginsDir = pluginsDir.map(path -> path.toAbsolutePath().normalize());
    }

    /** No host settings: the single-file form, which has no config file. */
    public static HostSettings none() {
        return new HostSettings(Optional.empty(), Optional.empty());
    }

    /**
     * Reads the host tables of a config file. Syntax errors and a missing file add nothing here: the storage
     * config reports them, with line and column, for the same file.
     *
     * @param problems receives every problem found, each prefixed with the file's path
     */
    public static HostSettings read(Path configFile, Consumer<String> problems) {
        TomlParseResult toml;
        try {
            toml = Toml.parse(configFile);
        } catch (IOException e) {
            return none();
        }
        return from(toml, configFile.toAbsolutePath().getParent(), problem -> problems.accept(configFile + ": " + problem));
    }

    /**
     * Reads the host tables of a parsed config file (parsed once, with the storage config); problems are prefixed
     * with the file's path.
     */
    public static HostSettings of(dev.chatstore.storage.config.TomlDocument document, Consumer<String> problems) {
        Consumer<String> prefixed = document.file().<Consumer<String>>map(file -> problem -> problems.accept(file + ": " + problem))
                .orElse(problems);
        return from(document.toml(), document.baseDir(), prefixed);
    }

    /** Reads the host tables of TOML text; for tests. */
    public static HostSettings parse(String text, Path baseDir, Consumer<String> problems) {
        return from(Toml.parse(text), baseDir, problems);
    }

    private static HostSettings from(TomlParseResult toml, Path baseDir, Consumer<String> problems) {
        if (toml.hasErrors()) {
            return none();
        }
        for (String key : toml.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                problems.accept("unknown top-level key '" + key + "'" + KeyHints.hint(key, TOP_LEVEL_KEYS));
            }
        }
        Optional<String> dir = stringIn(toml, "plugins", "dir", PLUGINS_KEYS, "a folder path", problems);
        Optional<String> secret = stringIn(toml, "telegram", "secret-token", TELEGRAM_KEYS,
                "1 to 256 of A-Z, a-z, 0-9, _ and -", problems);
        if (dir.isPresent() && dir.get().isBlank()) {
            problems.accept("[plugins] dir is empty; expected a folder path, for example \"../plugins\"");
            dir = Optional.empty();
        }
        if (secret.isPresent() && !SECRET_TOKEN.matcher(secret.get()).matches()) {
            problems.accept("[telegram] secret-token has characters Telegram does not allow; expected "
                    + "1 to 256 of A-Z, a-z, 0-9, _ and -");
            secret = Optional.empty();
        }
        return new HostSettings(dir.map(baseDir::resolve), secret);
    }

    private static Optional<String> stringIn(TomlParseResult toml, String tableName, String key, List<String> knownKeys,
            String expected, Consumer<String> problems) {
        Object tableValue = toml.get(List.of(tableName));
        if (tableValue == null) {
            return Optional.empty();
        }
        if (!(tableValue instanceof TomlTable table)) {
            problems.accept("'" + tableName + "' must be a table ([" + tableName + "])");
            return Optional.empty();
        }
        for (String present : table.keySet()) {
            if (!knownKeys.contains(present)) {
                problems.accept("unknown key '" + present + "' in [" + tableName + "]" + KeyHints.hint(present, knownKeys));
            }
        }
        Object value = table.get(List.of(key));
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            problems.accept("[" + tableName + "] " + key + " must be a string (" + expected + "), was " + value);
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
