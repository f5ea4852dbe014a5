package dev.chatstore.storage.config;

import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageConfigException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Builds a {@link StorageConfig} from the {@code [database]} table of a TOML document or from the equivalent map
 * (spec/config.md), checking the common keys here and each source's own keys against its provider's declaration
 * ({@link SourceKeys}). Every problem is gathered before one {@link StorageConfigException} is thrown. Stateless.
 */
public final class StorageConfigReader {
    static final List<String> DATABASE_KEYS = List.of("default", "on-source-failure", "sources", "chatMapping");

    private StorageConfigReader() {
    }

    /**
     * Reads a TOML file's {@code [database]} table; other tables belong to the host and are ignored.
     *
     * @throws StorageConfigException listing every problem, each prefixed with the file's path
     */
    public static StorageConfig fromToml(Path configFile, SourceKeys keys) {
        return read(TomlDocument.read(configFile), keys);
    }

    /** Reads the {@code [database]} table of TOML text; relative paths resolve against {@code baseDir}. */
    public static StorageConfig fromToml(String toml, Path baseDir, SourceKeys keys) {
        return read(TomlDocument.parse(toml, baseDir), keys);
    }

    /**
     * Reads the {@code [database]} table of a parsed document.
     *
     * @throws StorageConfigException listing every problem; prefixed with the file's path when it has one
     */
    public static StorageConfig read(TomlDocument document, SourceKeys keys) {
        requireNonNull(document, "document is null");
        try {
            Object database = document.plain("database").orElseThrow(() -> new StorageConfigException(
                    "Multi-source config must contain at least one source: there is no [database] table; add "
                            + "[database.sources.NAME] with a path"));
            if (!(database instanceof Map<?, ?> table)) {
                throw new StorageConfigException("'database' must be a table ([database]), got "
                        + Problems.describe(database));
            }
            return fromMap(table, document.baseDir(), keys);
        } catch (StorageConfigException e) {
            throw document.file().map(file -> TomlDocument.prefixed(file, e)).orElse(e);
        }
    }

    /**
     * Builds the config from the multi-source guide's dict shape, as Java maps: keys {@code default},
     * {@code on-source-failure}, {@code sources} (source name to a map of its keys) and {@code chatMapping} (chat
     * id as {@code Long}, {@code Integer} or numeric {@code String}, to source name). Rules, defaults and messages
     * are those of the TOML form; {@code timeout} may also be a {@link java.time.Duration}.
     *
     * @param baseDir the folder relative path-kind values resolve against
     * @throws StorageConfigException listing every problem
     */
    public static StorageConfig fromMap(Map<?, ?> database, Path baseDir, SourceKeys keys) {
        requireNonNull(database, "map is null");
        requireNonNull(baseDir, "baseDir is null");
        requireNonNull(keys, "keys is null");
        Problems problems = new Problems();
        String defaultSource = StorageConfig.DEFAULT_SOURCE_NAME;
        OnSourceFailure onSourceFailure = OnSourceFailure.SKIP;
        Map<?, ?> sourceTables = Map.of();
        Map<?, ?> mappingTable = Map.of();
        for (Map.Entry<?, ?> entry : database.entrySet()) {
            Object value = entry.getValue();
            switch (String.valueOf(entry.getKey())) {
                case "default" -> {
                    if (value instanceof String name) {
                        defaultSource = name;
                    } else {
                        problems.add("[database]: 'default' must be a source name (a string), got %s", Problems.describe(value));
                        defaultSource = null;
                    }
                }
                case "on-source-failure" -> {
                    if ("skip".equals(value) || "fail".equals(value)) {
                        onSourceFailure = "skip".equals(value) ? OnSourceFailure.SKIP : OnSourceFailure.FAIL;
                    } else {
                        problems.add("[database]: 'on-source-failure' must be \"skip\" or \"fail\", got %s", Problems.describe(value));
                    }
                }
                case "sources" -> {
                    if (value instanceof Map<?, ?> map) {
                        sourceTables = map;
                    } else {
                        problems.add("[database]: 'sources' must be a table of sources ([database.sources.NAME]), got %s",
                                Problems.describe(value));
                    }
                }
                case "chatMapping" -> {
                    if (value instanceof Map<?, ?> map) {
                        mappingTable = map;
                    } else {
                        problems.add("[database]: 'chatMapping' must be a table of chat id = source name ([database.chatMapping]), got %s",
                                Problems.describe(value));
                    }
                }
                default -> problems.add("[database]: unknown key '%s'%s",
                        entry.getKey(), KeyHints.unknownKeyHint(String.valueOf(entry.getKey()), DATABASE_KEYS));
            }
        }

        List<String> sourceNames = new ArrayList<>();
        List<SourceConfig> sources = new ArrayList<>();
        Map<String, List<String>> missingTypes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : sourceTables.entrySet()) {
            String name = String.valueOf(entry.getKey());
            sourceNames.add(name);
            if (entry.getValue() instanceof Map<?, ?> fields) {
                if (SourceNames.valid(name)) {
                    SourceReader.read(name, fields, baseDir, keys, problems).ifPresent(sources::add);
                }
                Object type = fields.containsKey("type") ? fields.get("type") : SourceConfig.DEFAULT_TYPE;
                if (type instanceof String text && !text.isBlank() && keys.keys(text).isEmpty()) {
                    missingTypes.computeIfAbsent(text, t -> new ArrayList<>()).add(name);
                }
            } else {
                problems.add("Source '%s' must be a table ([database.sources.%s]), got %s",
                        name, name, Problems.describe(entry.getValue()));
            }
        }
        keys.missingTypes(missingTypes).ifPresent(problem -> problems.add("%s", problem));
        Map<Long, String> chatMapping = chatMapping(mappingTable, problems);
        problems.addAll(StorageConfig.structureProblems(defaultSource, sourceNames, chatMapping));
        problems.throwIfAny();
        return new StorageConfig(defaultSource, sources, chatMapping, onSourceFailure);
    }

    /**
     * The rule "give exactly one of dbPath and config": a database file alone gives
     * {@link StorageConfig#singleFile} with the default pool size and timeout, a config file alone its
     * {@code [database]} table.
     *
     * @throws StorageConfigException if both or neither are given, or the chosen form is invalid
     */
    public static StorageConfig of(String dbPath, Path configFile, SourceKeys keys) {
        if (dbPath == null && configFile == null) {
            throw new StorageConfigException("Either dbPath or config must be provided");
        }
        if (dbPath != null && configFile != null) {
            throw new StorageConfigException("Cannot provide both dbPath and config - choose one mode");
        }
        return dbPath != null
                ? StorageConfig.singleFile(dbPath, SourceConfig.DEFAULT_POOL_SIZE, SourceConfig.DEFAULT_TIMEOUT)
                : fromToml(configFile, keys);
    }

    private static Map<Long, String> chatMapping(Map<?, ?> table, Problems problems) {
        Map<Long, String> mapping = new LinkedHashMap<>();
        Map<Long, Object> spelling = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : table.entrySet()) {
            Object key = entry.getKey();
            Long chatId = chatId(key);
            if (chatId == null) {
                problems.add("chatMapping key '%s' is not a chat id (chat ids are integers, for example -1001234567890)", key);
                continue;
            }
            if (!(entry.getValue() instanceof String source)) {
                problems.add("chatMapping: chat %d must map to a source name (a string), got %s",
                        chatId, Problems.describe(entry.getValue()));
                continue;
            }
            Object previous = spelling.putIfAbsent(chatId, key);
            if (previous != null) {
                problems.add("chatMapping: chat %d is mapped twice (keys %s and %s); keep one",
                        chatId, Problems.describe(previous), Problems.describe(key));
                continue;
            }
            mapping.put(chatId, source);
        }
        return mapping;
    }

    private static Long chatId(Object key) {
        if (key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        if (key instanceof String text && text.matches("[+-]?[0-9]+")) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null; // beyond the range of long: no chat has that id
            }
        }
        return null;
    }

    /** Source names the record accepts; an invalid one is reported once, by the structure rules. */
    private static final class SourceNames {
        static boolean valid(String name) {
            return name.matches("[A-Za-z0-9_-]+");
        }
    }
}
