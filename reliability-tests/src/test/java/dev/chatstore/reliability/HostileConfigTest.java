package dev.chatstore.reliability;

import dev.chatstore.reliability.TomlText.Raw;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageConfigException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Item 4: valid TOML configs, mutated one hostile change at a time (wrong types, missing keys, unknown keys, huge
 * numbers, negative pool sizes, duplicate names, odd Unicode, non-numeric chat ids), and the same configs with random
 * characters edited in. Loading either succeeds or throws {@link StorageConfigException}; for a structured mutation
 * the message names the key (or the source name or chat id) the mutation touched; and a mutation that is certainly
 * invalid is never accepted. No other exception type ever escapes.
 *
 * <p>Tries per property: {@code jqwik.tries.default} ({@code reliability.config.tries} in the pom: 1000, 20000 in the
 * soak).
 */
class HostileConfigTest {
    private static final Path BASE = Path.of("/srv/bot");
    private static final List<String> SOURCE_KEYS = List.of("path", "readonly", "pool-size", "timeout", "type");
    private static final List<String> DATABASE_KEYS = List.of("default", "on-source-failure", "sources", "chatMapping");

    /** A hostile change and what the error (if any) must name. */
    static class Mutation {
        private final String description;
        private final String token;
        private final boolean certainlyInvalid;
        private final MutationStep step;

        Mutation(String description, String token, boolean certainlyInvalid, MutationStep step) {
            this.description = description;
            this.token = token;
            this.certainlyInvalid = certainlyInvalid;
            this.step = step;
        }

        String token() {
            return token;
        }

        boolean certainlyInvalid() {
            return certainlyInvalid;
        }

        MutationStep step() {
            return step;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    @FunctionalInterface
    interface MutationStep {
        /** Changes {@code database} in place; returns raw TOML to append (or ""). */
        String apply(Map<String, Object> database);
    }

    @Property
    void aMutatedConfigLoadsOrItsErrorNamesTheKey(@ForAll("validConfigs") Map<String, Object> database,
            @ForAll("mutations") Mutation mutation) {
        Map<String, Object> copy = deepCopy(database);
        String trailer = mutation.step().apply(copy);
        String toml = TomlText.render(copy, trailer);
        try {
            StorageConfig config = Configs.fromToml(toml, BASE);
            assertThat(mutation.certainlyInvalid()).as("accepted %s:%n%s%n-> %s", mutation, toml, config).isFalse();
        } catch (StorageConfigException e) {
            // The key as parsed, or as written in the file (a TOML syntax error quotes the line, escapes included).
            assertThat(e.getMessage()).as("%s:%n%s", mutation, toml).satisfiesAnyOf(
                    message -> assertThat(message).containsIgnoringCase(mutation.token()),
                    message -> assertThat(message).contains(TomlText.key(mutation.token())));
            assertThat(e.problems()).isNotEmpty();
        } catch (RuntimeException | Error e) {
            fail("%s escaped loading %s:%n%s", e, mutation, toml, e);
        }
    }

    @Property
    void randomEditsToAValidConfigNeverEscapeAsAnotherException(@ForAll("validConfigs") Map<String, Object> database,
            @ForAll("edits") List<Edit> edits) {
        StringBuilder toml = new StringBuilder(TomlText.render(database, ""));
        for (Edit edit : edits) {
            edit.apply(toml);
        }
        try {
            Configs.fromToml(toml.toString(), BASE);
        } catch (StorageConfigException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException | Error e) {
            fail("%s escaped loading:%n%s", e, toml, e);
        }
    }

    @Property
    void theValidConfigsThemselvesLoad(@ForAll("validConfigs") Map<String, Object> database) {
        StorageConfig config = Configs.fromToml(TomlText.render(database, ""), BASE);
        assertThat(config.sourceNames()).containsExactlyElementsOf(sources(database).keySet());
    }

    // --- valid configs

    @Provide
    Arbitrary<Map<String, Object>> validConfigs() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcxyzABC019_-").ofMinLength(1).ofMaxLength(10);
        Arbitrary<Map<String, Object>> source = Combinators.combine(
                Arbitraries.of("data/bot.db", ":memory:", "/var/lib/bot/archive.db", "../other bot/it's #1.db"),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3),
                Arbitraries.integers().between(1, 64).injectNull(0.3),
                Arbitraries.of(0.001, 0.5, 1.0, 30.0, 86400.0).map(value -> (Object) value).injectNull(0.3),
                Arbitraries.of("sqlite").injectNull(0.5)).as((path, readonly, pool, timeout, type) -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("path", path);
                    putIfPresent(fields, "readonly", readonly);
                    putIfPresent(fields, "pool-size", pool == null ? null : (Object) pool.longValue());
                    putIfPresent(fields, "timeout", timeout);
                    putIfPresent(fields, "type", type);
                    return fields;
                });
        return Combinators.combine(
                names.set().ofMinSize(1).ofMaxSize(4),
                source.list().ofSize(4),
                Arbitraries.of("skip", "fail").injectNull(0.3),
                Arbitraries.longs().between(-1009999999999L, 9999999999L).list().ofMaxSize(3),
                Arbitraries.integers().between(0, 3)).as((nameSet, fields, onFailure, chats, pick) -> {
                    List<String> sourceNames = new ArrayList<>(nameSet);
                    Map<String, Object> sources = new LinkedHashMap<>();
                    for (int i = 0; i < sourceNames.size(); i++) {
                        sources.put(sourceNames.get(i), fields.get(i));
                    }
                    Map<String, Object> database = new LinkedHashMap<>();
                    database.put("default", sourceNames.get(pick % sourceNames.size()));
                    putIfPresent(database, "on-source-failure", onFailure);
                    database.put("sources", sources);
                    Map<String, Object> mapping = new LinkedHashMap<>();
                    for (int i = 0; i < chats.size(); i++) {
                        mapping.put(Long.toString(chats.get(i)), sourceNames.get(i % sourceNames.size()));
                    }
                    database.put("chatMapping", mapping);
                    return database;
                });
    }

    // --- mutations

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 15);
        return Arbitraries.oneOf(
                Combinators.combine(which, Arbitraries.of(SOURCE_KEYS), hostileValues())
                        .as(HostileConfigTest::setSourceValue),
                Combinators.combine(Arbitraries.of(DATABASE_KEYS), hostileValues())
                        .as(HostileConfigTest::setDatabaseValue),
                Combinators.combine(which, Arbitraries.of(SOURCE_KEYS)).as(HostileConfigTest::removeSourceKey),
                Arbitraries.of(DATABASE_KEYS).map(HostileConfigTest::removeDatabaseKey),
                Combinators.combine(which, unknownKeys(SOURCE_KEYS), hostileValues())
                        .as(HostileConfigTest::addUnknownSourceKey),
                Combinators.combine(unknownKeys(DATABASE_KEYS), hostileValues())
                        .as(HostileConfigTest::addUnknownDatabaseKey),
                Combinators.combine(which, Arbitraries.of(-1L, -64L, 0L, Long.MIN_VALUE))
                        .as(HostileConfigTest::negativePoolSize),
                Combinators.combine(which, Arbitraries.of("pool-size", "timeout"), hugeNumbers())
                        .as(HostileConfigTest::hugeNumber),
                which.map(HostileConfigTest::duplicateSource),
                Combinators.combine(which, oddNames()).as(HostileConfigTest::renameSource),
                Combinators.combine(nonNumericChatIds(), which).as(HostileConfigTest::nonNumericChatId),
                Arbitraries.of("-100", "-0100", "+100", "00000100").map(HostileConfigTest::sameChatTwice),
                Combinators.combine(Arbitraries.longs().between(-1009999999999L, 9999999999L),
                        oddNames().filter(name -> !isValidName(name))).as(HostileConfigTest::mapToUnknownSource),
                oddPaths().map(HostileConfigTest::oddPath));
    }

    private static Mutation setSourceValue(int which, String key, Object value) {
        return new Mutation("set source key " + key + " = " + TomlText.value(value), key, false, database -> {
            source(database, which).put(key, value);
            return "";
        });
    }

    private static Mutation setDatabaseValue(String key, Object value) {
        return new Mutation("set [database] " + key + " = " + TomlText.value(value), key, false, database -> {
            database.put(key, value);
            return "";
        });
    }

    private static Mutation removeSourceKey(int which, String key) {
        return new Mutation("remove source key " + key, key, key.equals("path"), database -> {
            source(database, which).remove(key);
            return "";
        });
    }

    private static Mutation removeDatabaseKey(String key) {
        // Without 'default' the default source is the one named "default"; the generated names never are.
        return new Mutation("remove [database] " + key, key.equals("default") ? "default" : key,
                key.equals("sources") || key.equals("default"), database -> {
                    database.remove(key);
                    if (key.equals("sources")) {
                        database.remove("chatMapping"); // else the mapping's unknown sources are reported too
                    }
                    return "";
                });
    }

    private static Mutation addUnknownSourceKey(int which, String key, Object value) {
        return new Mutation("add unknown source key " + TomlText.key(key), key, true, database -> {
            source(database, which).put(key, value);
            return "";
        });
    }

    private static Mutation addUnknownDatabaseKey(String key, Object value) {
        return new Mutation("add unknown [database] key " + TomlText.key(key), key, true, database -> {
            database.put(key, value);
            return "";
        });
    }

    private static Mutation negativePoolSize(int which, long size) {
        return new Mutation("pool-size = " + size, "pool-size", true, database -> {
            source(database, which).put("pool-size", size);
            return "";
        });
    }

    private static Mutation hugeNumber(int which, String key, Object value) {
        return new Mutation(key + " = " + TomlText.value(value), key, true, database -> {
            source(database, which).put(key, value);
            return "";
        });
    }

    private static Mutation duplicateSource(int which) {
        String[] name = new String[1];
        return new Mutation("duplicate source table", "previously defined", true, database -> {
            name[0] = sourceName(database, which);
            return "[database.sources." + name[0] + "]\npath = \"dup.db\"\n";
        }) {
            @Override
            String token() {
                return name[0] == null ? "previously defined" : name[0];
            }
        };
    }

    private static Mutation renameSource(int which, String newName) {
        return new Mutation("rename a source to " + TomlText.key(newName), newName, !isValidName(newName), database -> {
            String old = sourceName(database, which);
            Map<String, Object> renamed = new LinkedHashMap<>();
            sources(database).forEach((name, fields) -> renamed.put(name.equals(old) ? newName : name, fields));
            database.put("sources", renamed);
            if (old.equals(database.get("default"))) {
                database.put("default", newName);
            }
            mapping(database).replaceAll((chat, target) -> old.equals(target) ? newName : target);
            return "";
        });
    }

    private static Mutation nonNumericChatId(String chatKey, int which) {
        return new Mutation("chatMapping key " + TomlText.key(chatKey), chatKey, true, database -> {
            mapping(database).put(chatKey, sourceName(database, which));
            return "";
        });
    }

    private static Mutation sameChatTwice(String spelling) {
        boolean duplicate = spelling.equals("+100") || spelling.equals("00000100");
        return new Mutation("chat 100 mapped twice, once as " + spelling, "100", duplicate, database -> {
            String target = sourceName(database, 0);
            mapping(database).put("100", target);
            mapping(database).put(spelling, target);
            return "";
        });
    }

    private static Mutation mapToUnknownSource(long chat, String unknown) {
        return new Mutation("chat " + chat + " mapped to " + TomlText.key(unknown), Long.toString(chat), true,
                database -> {
                    mapping(database).clear();
                    mapping(database).put(Long.toString(chat), unknown);
                    return "";
                });
    }

    private static Mutation oddPath(String path) {
        return new Mutation("path = " + TomlText.value(path), "path", false, database -> {
            source(database, 0).put("path", path);
            return "";
        });
    }

    // --- hostile values

    private static Arbitrary<Object> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("yes", "", " ", "true", "30", "sqlite", "skip", "fail", ":memory:", "\u0000",
                        "\u202Eevil", "😀", "\uD800", "x".repeat(5000)),
                Arbitraries.of(0L, 1L, -1L, 64L, 65L, Long.MAX_VALUE, Long.MIN_VALUE),
                Arbitraries.of(0.0, -0.0, 0.0009, 3.5, 86400.5, 1e308, -1e308, Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE),
                Arbitraries.of(new Raw("1979-05-27"), new Raw("07:32:00"), new Raw("1979-05-27T07:32:00Z"),
                        new Raw("[1, 2]"), new Raw("[]"), new Raw("{ a = 1 }"), new Raw("{}"), new Raw("0x7f"),
                        new Raw("0b11"), new Raw("1_000"), new Raw("99999999999999999999"), new Raw("1e400"),
                        new Raw("'literal'"), new Raw("\"\"\"multi\nline\"\"\"")));
    }

    private static Arbitrary<Object> hugeNumbers() {
        return Arbitraries.of(Long.MAX_VALUE, new BigInteger("99999999999999999999"), new Raw("99999999999999999999"),
                1e308, Double.POSITIVE_INFINITY, new Raw("1e400"), 4_294_967_297L, 86_401L);
    }

    private static Arbitrary<String> unknownKeys(List<String> known) {
        return Arbitraries.oneOf(
                Arbitraries.of("pool_size", "read-only", "readOnly", "paht", "timeoutt", "Type", "poolsize",
                        "defualt", "on_source_failure", "chat-mapping", "source", "PATH", "pool-size ", " path"),
                oddNames()).filter(key -> !known.contains(key));
    }

    private static Arbitrary<String> oddNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("архив", "档案", "ａｒｃｈｉｖｅ", "arch\u200Bive", "\u202Earchive", "😀", "a b", "a.b",
                        "a\u0000b", "\uD800", "e\u0301", "\t", "", "\uFEFFbom", "‮", "a/b", "..", "\\"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8));
    }

    private static Arbitrary<String> nonNumericChatIds() {
        return Arbitraries.oneOf(
                Arbitraries.of("abc", "12a", "1e5", "", " ", "-", "+", "0x10", "1_000", "１２３", "٣", "-1.5",
                        "99999999999999999999", "-99999999999999999999", "9223372036854775808", "NaN", "😀"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6).filter(key -> !key.matches("[+-]?[0-9]+")));
    }

    private static Arbitrary<String> oddPaths() {
        return Arbitraries.of("файл.db", "😀/🚀.db", "a\u0000b.db", "\u202Eevil.db", "  ", "x".repeat(5000), "/",
                ".", "..", "C:\\bot\\bot.db", "file:bot.db?mode=rwc", "\uD800.db", ":memory:", "bot.db\n");
    }

    // --- random character edits

    /** Inserts, deletes or replaces characters at a position (taken modulo the text's length). */
    record Edit(int kind, int position, String text) {
        void apply(StringBuilder toml) {
            int at = toml.length() == 0 ? 0 : Math.floorMod(position, toml.length());
            switch (kind) {
                case 0 -> toml.insert(at, text);
                case 1 -> toml.delete(at, Math.min(toml.length(), at + 1 + text.length()));
                default -> toml.replace(at, Math.min(toml.length(), at + 1), text);
            }
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> texts = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(4),
                Arbitraries.of("[", "]", "\"", "'", "=", "\n", "#", ".", "{", "}", ",", "\\", "\\u", "[[", "]]", "-",
                        "9999999999999999999999", "[database]", "[database.sources.x]", "\u0000", "\uD800", "😀"));
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers(), texts).as(Edit::new)
                .list().ofMinSize(1).ofMaxSize(5);
    }

    // --- tree helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sources(Map<String, Object> database) {
        Object sources = database.get("sources");
        return sources instanceof Map<?, ?> ? (Map<String, Object>) sources : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Map<String, Object> database) {
        Object mapping = database.get("chatMapping");
        if (mapping instanceof Map<?, ?>) {
            return (Map<String, Object>) mapping;
        }
        Map<String, Object> fresh = new LinkedHashMap<>();
        database.put("chatMapping", fresh);
        return fresh;
    }

    private static String sourceName(Map<String, Object> database, int which) {
        List<String> names = new ArrayList<>(sources(database).keySet());
        return names.get(which % names.size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Map<String, Object> database, int which) {
        return (Map<String, Object>) sources(database).get(sourceName(database, which));
    }

    private static boolean isValidName(String name) {
        return name.matches("[A-Za-z0-9_-]+");
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> inner
                ? deepCopy((Map<String, Object>) inner) : value));
        return copy;
    }
}
