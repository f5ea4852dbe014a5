package dev.chatstore.storage.config;

import dev.chatstore.storage.spi.StorageConfigException;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A config file parsed once: the host's tables and the storage's {@code [database]} table are read from the same
 * parse. Immutable after construction; safe to share.
 */
public final class TomlDocument {
    /** Deeper nesting than this is refused before parsing: tomlj's parser recurses once per level. */
    static final int MAX_NESTING = 100;

    private final Path file;
    private final Path baseDir;
    private final TomlParseResult toml;

    private TomlDocument(Path file, Path baseDir, TomlParseResult toml) {
        this.file = file;
        this.baseDir = baseDir;
        this.toml = toml;
    }

    /**
     * Reads and parses a file; relative paths inside it resolve against its folder.
     *
     * @throws StorageConfigException if the file is missing, unreadable, not UTF-8 or not valid TOML (each syntax
     *                                error with its line and column); every problem is prefixed with the file's path
     */
    public static TomlDocument read(Path configFile) {
        requireNonNull(configFile, "configFile is null");
        Path file = configFile.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new StorageConfigException(String.format(
                    "Config file %s not found; check the --config path or create the file", file));
        } catch (CharacterCodingException e) {
            throw new StorageConfigException(String.format("Config file %s is not UTF-8 text", file));
        } catch (IOException e) {
            throw new StorageConfigException(String.format("Config file %s cannot be read: %s", file, e));
        }
        try {
            return new TomlDocument(file, file.getParent(), parseText(text));
        } catch (StorageConfigException e) {
            throw prefixed(file, e);
        }
    }

    /**
     * Parses TOML text, for tests and embedding.
     *
     * @param baseDir the folder relative paths resolve against
     * @throws StorageConfigException on syntax errors, each with its line and column
     */
    public static TomlDocument parse(String toml, Path baseDir) {
        requireNonNull(toml, "toml is null");
        requireNonNull(baseDir, "baseDir is null");
        return new TomlDocument(null, baseDir, parseText(toml));
    }

    /** The file this was read from; empty for parsed text. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The folder relative paths in the document resolve against. */
    public Path baseDir() {
        return baseDir;
    }

    /** The parse result, for the host's own tables. */
    public TomlParseResult toml() {
        return toml;
    }

    /**
     * A top-level value as plain Java values (tables as ordered maps, arrays as lists), or empty when absent. Keys
     * are single segments: {@code "database"} is never read as a dotted path.
     */
    public Optional<Object> plain(String topLevelKey) {
        return Optional.ofNullable(toml.get(List.of(topLevelKey))).map(TomlDocument::plain);
    }

    /** {@code e} with each problem prefixed by the file's path, so the operator knows which file to fix. */
    static StorageConfigException prefixed(Path file, StorageConfigException e) {
        return new StorageConfigException(e.problems().stream().map(problem -> file + ": " + problem).toList());
    }

    private static TomlParseResult parseText(String toml) {
        Nesting.check(toml, MAX_NESTING);
        TomlParseResult result;
        try {
            result = Toml.parse(toml);
        } catch (RuntimeException | AssertionError e) {
            // tomlj asserts on some invalid escapes (seen with -ea on "\\u" before a closing quote); whatever its
            // parser throws is still a syntax error of the operator's file, not a crash of the host.
            throw new StorageConfigException("TOML syntax error: the TOML parser failed on this text (" + e
                    + "); look for an invalid escape such as \\u without four hex digits in a quoted string");
        }
        Problems problems = new Problems();
        String[] lines = toml.split("\r?\n", -1);
        for (TomlParseError error : result.errors()) {
            int line = error.position().line();
            problems.add("TOML syntax error at line %d, column %d: %s%s", line, error.position().column(),
                    error.getMessage(), keyOfLine(lines, line));
        }
        problems.throwIfAny();
        return result;
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

    static Object plain(Object value) {
        if (value instanceof TomlTable table) {
            return plainTable(table);
        }
        if (value instanceof TomlArray array) {
            return array.toList().stream().map(TomlDocument::plain).toList();
        }
        return value;
    }
}
