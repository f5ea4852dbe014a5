package dev.chatstore.storage.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The storage configuration: which sources exist, which one is the default, which chats live in which source, and
 * what a fan-out read does when a source fails. See {@code spec/config.md} for the TOML and map shapes.
 *
 * <p>Instances are immutable and thread-safe. Every instance is valid: the constructor and every factory check all
 * rules and report every problem at once in one {@link StorageConfigException}.
 *
 * @param defaultSource   the source that serves chats without a mapping and operations without a chat id
 * @param sources         the sources in config order, never empty, names unique
 * @param chatMapping     chat id to source name, in config order; chats not listed go to {@code defaultSource}
 * @param onSourceFailure what a fan-out read does when one source fails
 */
public record StorageConfig(String defaultSource, List<SourceConfig> sources, Map<Long, String> chatMapping,
        OnSourceFailure onSourceFailure) {
    /** The default source's name when the config does not set {@code default}, and the single-file source's name. */
    public static final String DEFAULT_SOURCE_NAME = StorageConfigParser.DEFAULT_SOURCE_NAME;

    /**
     * Copies the collections and checks the rules that tie the fields together: at least one source, unique and
     * well-formed source names (letters, digits, {@code _}, {@code -}), the default among the sources, and every
     * mapping value naming a source.
     *
     * @throws NullPointerException   if any argument, source, mapping key or mapping value is null
     * @throws StorageConfigException listing every broken rule
     */
    public StorageConfig {
        requireNonNull(defaultSource, "defaultSource is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(chatMapping, "chatMapping is null");
        requireNonNull(onSourceFailure, "onSourceFailure is null");
        sources = List.copyOf(sources);
        chatMapping = copyKeepingOrder(chatMapping);
        ConfigProblems problems = new ConfigProblems();
        StorageConfigParser.checkStructure(defaultSource, sources.stream().map(SourceConfig::name).toList(),
                chatMapping, problems);
        problems.throwIfAny();
    }

    /**
     * Reads the {@code [database]} table of a TOML file. Other top-level tables ({@code [plugins]}, {@code [host]},
     * ...) belong to the host and are ignored. Relative source paths resolve against the file's folder and become
     * absolute and normalized; {@code ":memory:"} is kept as it is.
     *
     * @param configFile the TOML file, not null
     * @throws StorageConfigException if the file is missing or unreadable, has TOML syntax errors (each with its line
     *                                and column) or breaks any rule; every problem is prefixed with the file's path
     */
    public static StorageConfig fromToml(Path configFile) {
        return StorageConfigParser.parseTomlFile(configFile);
    }

    /**
     * Reads the {@code [database]} table of TOML text, for tests and embedding; like {@link #fromToml(Path)}.
     *
     * @param toml    the TOML text, not null
     * @param baseDir the folder relative source paths resolve against, not null
     * @throws StorageConfigException on TOML syntax errors (with line and column) or any broken rule
     */
    public static StorageConfig fromToml(String toml, Path baseDir) {
        return StorageConfigParser.parseToml(toml, baseDir);
    }

    /**
     * Builds the config from the multi-source guide's dict shape, with relative paths resolved against the working
     * directory. Same as {@link #fromMap(Map, Path)} with {@code Path.of("")}.
     */
    public static StorageConfig fromMap(Map<String, ?> map) {
        return fromMap(map, Path.of(""));
    }

    /**
     * Builds the config from the multi-source guide's dict shape, as Java maps: keys {@code default},
     * {@code on-source-failure}, {@code sources} (source name to a map of {@code path}, {@code readonly},
     * {@code pool-size}, {@code timeout}, {@code type}) and {@code chatMapping} (chat id as {@code Long},
     * {@code Integer} or numeric {@code String}, to source name). Rules, defaults and messages are those of the
     * TOML form; {@code timeout} may also be a {@link Duration}.
     *
     * @param map     the configuration, not null; not retained
     * @param baseDir the folder relative source paths resolve against, not null
     * @throws StorageConfigException listing every problem
     */
    public static StorageConfig fromMap(Map<String, ?> map, Path baseDir) {
        return StorageConfigParser.parseMap(map, baseDir);
    }

    /**
     * The legacy single-file form: one writable SQLite source named {@value #DEFAULT_SOURCE_NAME}. A relative
     * {@code path} resolves against the working directory; {@code ":memory:"} is kept.
     *
     * @param path           the database file, not null
     * @param maxConnections the pool size, 1..64
     * @param timeout        connection and lock wait, from 1 ms to one day, not null
     * @throws StorageConfigException if a value is out of range
     */
    public static StorageConfig singleFile(String path, int maxConnections, Duration timeout) {
        requireNonNull(path, "path is null");
        requireNonNull(timeout, "timeout is null");
        Map<String, Object> source = new LinkedHashMap<>(); // ordered, so problems are listed in a stable order
        source.put("path", path);
        source.put("pool-size", maxConnections);
        source.put("timeout", timeout);
        return fromMap(Map.of("sources", Map.of(DEFAULT_SOURCE_NAME, source)));
    }

    /**
     * Applies the rule "give exactly one of dbPath and config": a database file alone gives
     * {@link #singleFile} with the default pool size and timeout, a config file alone gives {@link #fromToml(Path)}.
     *
     * @param dbPath     the single database file, or null
     * @param configFile the TOML config file, or null
     * @throws StorageConfigException if both or neither are given, or the chosen form is invalid
     */
    public static StorageConfig of(String dbPath, Path configFile) {
        if (dbPath == null && configFile == null) {
            throw new StorageConfigException("Either dbPath or config must be provided");
        }
        if (dbPath != null && configFile != null) {
            throw new StorageConfigException("Cannot provide both dbPath and config - choose one mode");
        }
        return dbPath != null
                ? singleFile(dbPath, SourceConfig.DEFAULT_POOL_SIZE, SourceConfig.DEFAULT_TIMEOUT)
                : fromToml(configFile);
    }

    /** The source names in config order; an immutable list. */
    public List<String> sourceNames() {
        return sources.stream().map(SourceConfig::name).toList();
    }

    /**
     * The source with this name.
     *
     * @throws UnknownSourceException if no source has that name (never falls back to the default)
     */
    public SourceConfig source(String name) {
        return findSource(name).orElseThrow(() -> new UnknownSourceException(name, sourceNames()));
    }

    /** The source with this name, or empty. {@code name} must not be null. */
    public Optional<SourceConfig> findSource(String name) {
        requireNonNull(name, "name is null");
        return sources.stream().filter(source -> source.name().equals(name)).findFirst();
    }

    /** The default source's config; always present, since the constructor checks it. */
    public SourceConfig defaultSourceConfig() {
        return source(defaultSource);
    }

    /** The name of the source that owns this chat: its mapping, else the default source. */
    public String sourceNameForChat(long chatId) {
        return chatMapping.getOrDefault(chatId, defaultSource);
    }

    /**
     * Whether the named source is readonly.
     *
     * @throws UnknownSourceException if no source has that name
     */
    public boolean isReadonly(String name) {
        return source(name).readonly();
    }

    private static Map<Long, String> copyKeepingOrder(Map<Long, String> chatMapping) {
        Map<Long, String> copy = new LinkedHashMap<>();
        chatMapping.forEach((chatId, source) -> copy.put(
                requireNonNull(chatId, "chatMapping has a null chat id"),
                requireNonNull(source, "chatMapping maps chat " + chatId + " to null")));
        return Collections.unmodifiableMap(copy);
    }
}
