package dev.chatstore.host;

import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The host's own tables of the config file: {@code [plugins]}, {@code [telegram]} and {@code [server]}. The
 * {@code [database]} table is {@link dev.chatstore.storage.spi.StorageConfig}'s.
 *
 * @param pluginsDir  {@code [plugins] dir}, resolved against the config file's folder; empty when not set
 * @param secretToken {@code [telegram] secret-token}, the webhook's shared secret; empty when not set
 * @param webhookPath {@code [telegram] webhook-path}, a second path the webhook answers on (besides
 *                    {@code /telegram/webhook}), for bots that put a secret in the URL; empty when not set
 * @param server      {@code [server]}: the HTTP server's sizes and timeouts, the defaults for keys not set
 */
public record HostSettings(Optional<Path> pluginsDir, Optional<String> secretToken, Optional<String> webhookPath,
                           ServerSettings server) {
    static final List<String> TOP_LEVEL_KEYS = List.of("database", "plugins", "telegram", "server");
    static final List<String> PLUGINS_KEYS = List.of("dir");
    static final List<String> TELEGRAM_KEYS = List.of("secret-token", "webhook-path");
    // Path segments of unreserved URL characters: no percent-encoding, query, fragment or dot segments to get wrong.
    private static final Pattern WEBHOOK_PATH = Pattern.compile("(/[A-Za-z0-9_~.-]+)+");

    public HostSettings {
        pluginsDir = pluginsDir.map(path -> path.toAbsolutePath().normalize());
        requireNonNull(secretToken, "secretToken is null");
        requireNonNull(webhookPath, "webhookPath is null");
        requireNonNull(server, "server is null");
    }

    /** Settings without {@code webhook-path} and with the default {@code [server]} values. */
    public HostSettings(Optional<Path> pluginsDir, Optional<String> secretToken) {
        this(pluginsDir, secretToken, Optional.empty(), ServerSettings.defaults());
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
        Optional<String> secret = stringIn(toml, "telegram", "secret-token", TELEGRAM_KEYS, SecretToken.RULE, problems);
        Optional<String> webhookPath = stringIn(toml, "telegram", "webhook-path", List.of(), "a URL path", problems);
        if (dir.isPresent() && dir.get().isBlank()) {
            problems.accept("[plugins] dir is empty; expected a folder path, for example \"../plugins\"");
            dir = Optional.empty();
        }
        if (secret.isPresent() && !SecretToken.valid(secret.get())) {
            problems.accept("[telegram] secret-token has characters Telegram does not allow; expected "
                    + SecretToken.RULE);
            secret = Optional.empty();
        }
        if (webhookPath.isPresent() && !validWebhookPath(webhookPath.get())) {
            problems.accept("[telegram] webhook-path must be a URL path such as \"/telegram/webhook/s3cret-1\": "
                    + "segments of A-Z, a-z, 0-9, _ ~ . and -, not '.' or '..', and not " + WebhookServer.HEALTH_PATH
                    + "; was \"" + webhookPath.get() + "\"");
            webhookPath = Optional.empty();
        }
        ServerSettings server = ServerSettings.defaults();
        Object serverTable = toml.get(List.of("server"));
        if (serverTable instanceof TomlTable table) {
            server = ServerSettings.from(table, problems);
        } else if (serverTable != null) {
            problems.accept("'server' must be a table ([server])");
        }
        return new HostSettings(dir.map(baseDir::resolve), secret, webhookPath, server);
    }

    private static boolean validWebhookPath(String path) {
        return path.length() <= 1024 && WEBHOOK_PATH.matcher(path).matches() && !path.equals(WebhookServer.HEALTH_PATH)
                && Arrays.stream(path.split("/")).noneMatch(segment -> segment.equals(".") || segment.equals(".."));
    }

    /** A string key of a host table; reports the table's shape and unknown keys
     * only when {@code knownKeys} is not empty (once per table). */
    private static Optional<String> stringIn(TomlParseResult toml, String tableName, String key, List<String> knownKeys,
            String expected, Consumer<String> problems) {
        Object tableValue = toml.get(List.of(tableName));
        if (tableValue == null) {
            return Optional.empty();
        }
        if (!(tableValue instanceof TomlTable table)) {
            if (!knownKeys.isEmpty()) {
                problems.accept("'" + tableName + "' must be a table ([" + tableName + "])");
            }
            return Optional.empty();
        }
        for (String present : knownKeys.isEmpty() ? List.<String>of() : table.keySet()) {
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
