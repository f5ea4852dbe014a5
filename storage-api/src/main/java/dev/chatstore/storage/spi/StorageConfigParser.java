package dev.chatstore.storage.spi;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import static java.util.Objects.requireNonNull;

/**
 * Turns a TOML file or the equivalent map into a {@link StorageConfig}, gathering every problem before throwing.
 * TOML is first converted to plain maps so both shapes go through one validator and get identical messages.
 */
final class StorageConfigParser {
    static final String DEFAULT_SOURCE_NAME = "default";
    static final List<String> DATABASE_KEYS = List.of("default", "on-source-failure", "sources", "chatMapping");

    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private StorageConfigParser() {
    }

    static StorageConfig parseTomlFile(Path configFile) {
        requireNonNull(configFile, "configFile is null");
        Path file = configFile.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(file);
        }
        catch (NoSuchFileException e) {
            throw new StorageConfigException(String.format(
                    "Config file %s not found; check the --config path or create the file", file));
        }
        catch (CharacterCodingException e) {
            throw new StorageConfigException(String.format("Config file %s is not UTF-8 text", file));
        }
        catch (IOException e) {
            throw new StorageConfigException(String.format("Config file %s cannot be read: %s", file, e));
        }
        try {
            return parseToml(text, file.getParent());
        }
        catch (StorageConfigException e) {
            throw new StorageConfigException(e.problems().stream().map(problem -> file + ": " + problem).toList());
        }
    }

    static StorageConfig parseToml(String toml, Path baseDir) {
        requireNonNull(toml, "toml is null");
        requireNonNull(baseDir, "baseDir is null");
        TomlParseResult result;
        try {
            result = Toml.parse(toml);
        }
        catch (RuntimeException | AssertionError e) {
            // tomlj asserts on some invalid escapes (seen with -ea on "\\u" before a closing quote); whatever its
            // parser throws is still a syntax error of the operator's file, not a crash of the host.
            throw new StorageConfigException("TOML syntax error: the TOML parser failed on this text (" + e
                    + "); look for an invalid escape such as \\u without four hex digits in a quoted string");
        }
        ConfigProblems problems = new ConfigProblems();
        String[] lines = toml.split("\r?\n", -1);
        for (TomlParseError error : result.errors()) {
            int line = error.position().line();
            problems.add("TOML syntax error at line %d, column %d: %s%s", line, error.position().column(),
                    error.getMessage(), keyOfLine(lines, line));
        }
        problems.throwIfAny();
        // A single-element key list: result.get(String) would parse "database" as a dotted key path.
        Object database = result.get(List.of("database"));
        if (database == null) {
            throw new StorageConfigException("Multi-source config must contain at least one source: "
                    + "there is no [database] table; add [database.sources.NAME] with a path");
        }
        if (!(database instanceof TomlTable table)) {
            throw new StorageConfigException("'database' must be a table ([database]), got " + ConfigProblems.describe(plain(database)));
        }
        return parseMap(plainTable(table), baseDir);
    }

    static StorageConfig parseMap(Map<?, ?> database, Path baseDir) {
        requireNonNull(database, "map is null");
        requireNonNull(baseDir, "baseDir is null");
        ConfigProblems problems = new ConfigProblems();
        String defaultSource = DEFAULT_SOURCE_NAME;
        OnSourceFailure onSourceFailure = OnSourceFailure.SKIP;
        Map<?, ?> sourceTables = Map.of();
        Map<?, ?> mappingTable = Map.of();
        for (Map.Entry<?, ?> entry : database.entrySet()) {
            Object value = entry.getValue();
            switch (String.valueOf(entry.getKey())) {
                case "default" -> {
                    if (value instanceof String name) {
                        defaultSource = name;
                    }
                    else {
                        problems.add("[database]: 'default' must be a source name (a string), got %s", ConfigProblems.describe(value));
                        defaultSource = null;
                    }
                }
                case "on-source-failure" -> {
                    if ("skip".equals(value) || "fail".equals(value)) {
                        onSourceFailure = "skip".equals(value) ? OnSourceFailure.SKIP : OnSourceFailure.FAIL;
                    }
                    else {
                        problems.add("[database]: 'on-source-failure' must be \"skip\" or \"fail\", got %s", ConfigProblems.describe(value));
                    }
                }
                case "sources" -> {
                    if (value instanceof Map<?, ?> map) {
                        sourceTables = map;
                    }
                    else {
                        problems.add("[database]: 'sources' must be a table of sources ([database.sources.NAME]), got %s",
                                ConfigProblems.describe(value));
                    }
                }
                case "chatMapping" -> {
                    if (value instanceof Map<?, ?> map) {
                        mappingTable = map;
                    }
                    else {
                        problems.add("[database]: 'chatMapping' must be a table of chat id = source name ([database.chatMapping]), got %s",
                                ConfigProblems.describe(value));
                    }
                }
                default -> problems.add("[database]: unknown key '%s'%s",
                        entry.getKey(), ConfigProblems.unknownKeyHint(String.valueOf(entry.getKey()), DATABASE_KEYS));
            }
        }

        List<String> sourceNames = new ArrayList<>();
        List<SourceConfig> sources = new ArrayList<>();
        for (Map.Entry<?, ?> entry : sourceTables.entrySet()) {
            String name = String.valueOf(entry.getKey());
            sourceNames.add(name);
            if (entry.getValue() instanceof Map<?, ?> fields) {
                SourceParser.parse(name, fields, baseDir, problems).ifPresent(sources::add);
            }
            else {
                problems.add("Source '%s' must be a table ([database.sources.%s]), got %s",
                        name, name, ConfigProblems.describe(entry.getValue()));
            }
        }
        Map<Long, String> chatMapping = parseChatMapping(mappingTable, problems);
        checkStructure(defaultSource, sourceNames, chatMapping, problems);
        problems.throwIfAny();
        return new StorageConfig(defaultSource, sources, chatMapping, onSourceFailure);
    }

    /**
     * The rules that tie fields together. {@code defaultSource} is null when its own value was already reported;
     * {@code sourceNames} includes sources that had problems, so one mistake is not reported twice.
     */
    static void checkStructure(String defaultSource, List<String> sourceNames, Map<Long, String> chatMapping,
            ConfigProblems problems) {
        if (sourceNames.isEmpty()) {
            problems.add("Multi-source config must contain at least one source; add [database.sources.NAME] with a path");
            return;
        }
        List<String> seen = new ArrayList<>();
        for (String name : sourceNames) {
            if (!SOURCE_NAME.matcher(name).matches()) {
                problems.add("Source name '%s' is invalid: use only letters, digits, '_' and '-'", name);
            }
            if (seen.contains(name)) {
                problems.add("Source name '%s' is used by more than one source; source names must be unique", name);
            }
            else {
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
    }

    private static Map<Long, String> parseChatMapping(Map<?, ?> table, ConfigProblems problems) {
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
                        chatId, ConfigProblems.describe(entry.getValue()));
                continue;
            }
            Object previous = spelling.putIfAbsent(chatId, key);
            if (previous != null) {
                problems.add("chatMapping: chat %d is mapped twice (keys %s and %s); keep one",
                        chatId, ConfigProblems.describe(previous), ConfigProblems.describe(key));
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
            }
            catch (NumberFormatException e) {
                return null; // beyond the range of long: no chat has that id
            }
        }
        return null;
    }

    /**
     * " (in: key = ...)" for the line of a syntax error, since tomlj's message alone ("Integer is too large") names
     * no key. Only the part before '=' is shown: the value may be a secret of another table.
     */
    private static String keyOfLine(String[] lines, int line) {
        if (line < 1 || line > lines.length) {
            return "";
        }
        String text = lines[line - 1].strip();
        int equals = text.indexOf('=');
        String shown = equals < 0 ? text : text.substring(0, equals).strip() + " = ...";
        if (shown.isEmpty()) {
            return "";
        }
        return " (in: " + (shown.length() <= 120 ? shown : shown.substring(0, 117) + "...") + ")";
    }

    private static Map<String, Object> plainTable(TomlTable table) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            map.put(key, plain(table.get(List.of(key))));
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof TomlTable table) {
            return plainTable(table);
        }
        if (value instanceof TomlArray array) {
            return array.toList().stream().map(StorageConfigParser::plain).toList();
        }
        return value;
    }
}
