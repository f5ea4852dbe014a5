package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.ConfigKeyKind;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The keys of a {@code postgres} source table besides the common ones, and their reading into
 * {@link PostgresSettings}. The password comes from the environment variable named by {@code password-env}; a
 * literal {@code password} works too, but is logged as a warning at every open (so {@code check-config} shows it),
 * since a config file is shared and committed more often than an environment.
 */
final class PostgresKeys {
    static final String URL = "url";
    static final String USER = "user";
    static final String PASSWORD_ENV = "password-env";
    static final String PASSWORD = "password";
    static final String SCHEMA = "schema";
    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.required(URL, ConfigKeyKind.URL, "the JDBC URL of the database, for example "
                    + "jdbc:postgresql://db.internal:5432/bot (no password in it)"),
            ConfigKey.optional(USER, ConfigKeyKind.STRING, null, "the login role; default: the URL's user parameter"),
            ConfigKey.optional(PASSWORD_ENV, ConfigKeyKind.STRING, null, "the name of the environment variable "
                    + "holding the password"),
            ConfigKey.optional(PASSWORD, ConfigKeyKind.SECRET, null, "a literal password (discouraged: use "
                    + "password-env)"),
            ConfigKey.optional(SCHEMA, ConfigKeyKind.STRING, PostgresSettings.DEFAULT_SCHEMA, "the schema holding "
                    + "this source's tables; sources may share a database in different schemas"));

    private static final Logger LOG = LoggerFactory.getLogger(PostgresKeys.class);

    private PostgresKeys() {
    }

    private static boolean hasUserInfo(String url) {
        int query = url.indexOf('?');
        String beforeQuery = query < 0 ? url : url.substring(0, query);
        int authority = beforeQuery.indexOf("//");
        if (authority < 0) {
            return false;
        }
        int path = beforeQuery.indexOf('/', authority + 2);
        return (path < 0 ? beforeQuery.substring(authority + 2) : beforeQuery.substring(authority + 2, path))
                .contains("@");
    }

    /**
     * The settings of {@code source}, its password looked up in {@code environment}.
     *
     * @throws StorageConfigException listing every problem, naming the source and never a password
     */
    static PostgresSettings settings(SourceConfig source, UnaryOperator<String> environment) {
        List<String> problems = new ArrayList<>();
        String name = source.name();
        String url = source.option(URL, String.class).orElse(null);
        if (url == null) {
            problems.add(String.format("Source '%s' missing required '%s' field", name, URL));
        } else if (!url.startsWith("jdbc:postgresql:")) {
            problems.add(String.format("Source '%s': '%s' must be a PostgreSQL JDBC URL starting with "
                    + "'jdbc:postgresql:', got '%s'", name, URL, PostgresSettings.withoutQuery(url)));
        } else if (hasUserInfo(url)) {
            // pgjdbc takes "user:password@host" for a host name, and its error would echo the password.
            problems.add(String.format("Source '%s': '%s' must not carry a user or password before the host "
                    + "('user:password@'); give them with '%s' and '%s', got '%s'", name, URL, USER, PASSWORD_ENV,
                    PostgresSettings.withoutQuery(url)));
        }
        String user = source.option(USER, String.class).orElse(null);
        String passwordEnv = source.option(PASSWORD_ENV, String.class).orElse(null);
        String literal = source.option(PASSWORD, String.class).orElse(null);
        String password = null;
        if (passwordEnv != null && literal != null) {
            problems.add(String.format("Source '%s': give either '%s' or '%s', not both", name, PASSWORD_ENV,
                    PASSWORD));
        } else if (passwordEnv != null) {
            password = environment.apply(passwordEnv);
            if (password == null || password.isEmpty()) {
                problems.add(String.format("Source '%s': the environment variable '%s' named by '%s' is not set; set "
                        + "it to the database password", name, passwordEnv, PASSWORD_ENV));
            }
        } else if (literal != null) {
            password = literal;
            LOG.warn("Source '{}': the database password is written in the config file ('{}'); keep it in an "
                    + "environment variable and name that with '{}' instead", name, PASSWORD, PASSWORD_ENV);
        }
        String schema = source.option(SCHEMA, String.class).orElse(PostgresSettings.DEFAULT_SCHEMA);
        if (!PostgresSettings.isIdentifier(schema)) {
            problems.add(String.format("Source '%s': '%s' must be a lower-case identifier (letters a-z, digits and "
                    + "'_', not starting with a digit, at most 63 characters), got '%s'", name, SCHEMA, schema));
        }
        if (!problems.isEmpty()) {
            throw new StorageConfigException(problems);
        }
        return new PostgresSettings(url, user, password, schema);
    }
}
