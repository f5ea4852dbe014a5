package dev.chatstore.storage.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.ArrayList;

import static java.util.Objects.requireNonNull;

/**
 * The storage configuration: which sources exist, which one is the default, which chats live in which source, and
 * what a fan-out read does when a source fails. See {@code spec/config.md} for the TOML and map shapes.
 *
 * <p>Instances are immutable and thread-safe. Every instance is valid: the constructor checks all rules and reports
 * every problem at once in one {@link StorageConfigException}. The TOML and map forms are read by the
 * {@code storage-config} module ({@code StorageConfigReader}), which also checks each backend's own keys.
 *
 * @param defaultSource   the source that serves chats without a mapping and operations without a chat id
 * @param sources         the sources in config order, never empty, names unique
 * @param chatMapping     chat id to source name, in config order; chats not listed go to {@code defaultSource}
 * @param onSourceFailure what a fan-out read does when one source fails
 */
public record StorageConfig(String defaultSource, List<SourceConfig> sources, Map<Long, String> chatMapping,
        OnSourceFailure onSourceFailure) {
    /** The default source's name when the config does not set {@code default}, and the single-file source's name. */
    public static final String DEFAULT_SOURCE_NAME = "default";
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    /** SQLite's private in-memory database, kept as written by the single-file form. */
    private static final String MEMORY_PATH = ":memory:";

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
        List<String> problems = structureProblems(defaultSource, sources.stream().map(SourceConfig::name).toList(),
                chatMapping);
        if (!problems.isEmpty()) {
            throw new StorageConfigException(problems);
        }
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
        ConfigProblems problems = new ConfigProblems();
        if (path.isBlank()) {
            problems.add("Source '%s': 'path' must be a file path or \":memory:\", got %s", DEFAULT_SOURCE_NAME,
                    ConfigProblems.describe(path));
        }
        if (maxConnections < 1 || maxConnections > SourceConfig.MAX_POOL_SIZE) {
            problems.add("Source '%s': 'pool-size' must be an integer from 1 to %d, got %d", DEFAULT_SOURCE_NAME,
                    SourceConfig.MAX_POOL_SIZE, maxConnections);
        }
        if (timeout.compareTo(SourceConfig.MIN_TIMEOUT) < 0 || timeout.compareTo(SourceConfig.MAX_TIMEOUT) > 0) {
            problems.add("Source '%s': 'timeout' must be a number of seconds from %s to %d, got %s",
                    DEFAULT_SOURCE_NAME, SourceConfig.MIN_TIMEOUT.toMillis() / 1000.0,
                    SourceConfig.MAX_TIMEOUT.toSeconds(), timeout);
        }
        if (!problems.isEmpty()) {
            throw new StorageConfigException(problems.list());
        }
        String file = MEMORY_PATH.equals(path) ? path : Path.of(path).toAbsolutePath().normalize().toString();
        SourceConfig source = new SourceConfig(DEFAULT_SOURCE_NAME, SourceConfig.DEFAULT_TYPE, false, maxConnections,
                timeout, Map.of(SourceConfig.PATH_KEY, file));
        return new StorageConfig(DEFAULT_SOURCE_NAME, List.of(source), Map.of(), OnSourceFailure.SKIP);
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

    /**
     * The rules that tie the fields together, as operator messages: at least one source, unique source names, the
     * default among them, every mapping value naming a source. For config readers, which report these together
     * with their own problems: {@code defaultSource} may be null when its own value was already reported, and
     * {@code sourceNames} includes sources that had problems, so one mistake is not reported twice.
     *
     * @return every broken rule, empty when none
     */
    public static List<String> structureProblems(String defaultSource, List<String> sourceNames,
            Map<Long, String> chatMapping) {
        ConfigProblems problems = new ConfigProblems();
        if (sourceNames.isEmpty()) {
            problems.add("Multi-source config must contain at least one source; add [database.sources.NAME] with a path");
            return problems.list();
        }
        List<String> seen = new ArrayList<>();
        for (String name : sourceNames) {
            if (!SOURCE_NAME.matcher(name).matches()) {
                problems.add("Source name '%s' is invalid: use only letters, digits, '_' and '-'", name);
            }
            if (seen.contains(name)) {
                problems.add("Source name '%s' is used by more than one source; source names must be unique", name);
            } else {
                seen.add(name);
            }
        }
        String available = String.join(", ", seen);
        if (defaultSource != null && !seen.contains(defaultSource)) {
            problems.add("Default source '%s' not found in sources configuration. Available sources: %s. "
                    + "Set [database] default to one of them", defaultSource, available);
        }
        chatMapping.forEach((chatId, source) -> {
            if (!seen.contains(source)) {
                String hint = ConfigProblems.closest(source, seen).map(match -> " (did you mean '" + match + "'?)").orElse("");
                problems.add("Chat %d is mapped to unknown source '%s'%s. Known sources: %s",
                        chatId, source, hint, available);
            }
        });
        return problems.list();
    }

    private static Map<Long, String> copyKeepingOrder(Map<Long, String> chatMapping) {
        Map<Long, String> copy = new LinkedHashMap<>();
        chatMapping.forEach((chatId, source) -> copy.put(
                requireNonNull(chatId, "chatMapping has a null chat id"),
                requireNonNull(source, "chatMapping maps chat " + chatId + " to null")));
        return Collections.unmodifiableMap(copy);
    }
}
