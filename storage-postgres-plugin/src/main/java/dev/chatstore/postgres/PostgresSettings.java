package dev.chatstore.postgres;

import dev.chatstore.storage.spi.SourceConfig;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The PostgreSQL keys of one source, checked: where the server is, who logs in, and which schema holds the
 * tables. Immutable; {@link #toString()} never shows the password.
 *
 * @param url      a {@code jdbc:postgresql://} URL
 * @param user     the login role, or null for the driver's default (the URL's {@code user} parameter)
 * @param password the password, or null for none (trust, peer or a {@code .pgpass} file)
 * @param schema   the schema holding this source's tables: a plain lower-case identifier
 */
record PostgresSettings(String url, String user, String password, String schema) {
    static final String DEFAULT_SCHEMA = "chatstore";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    PostgresSettings {
        requireNonNull(url, "url is null");
        requireNonNull(schema, "schema is null");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("url must start with 'jdbc:postgresql:'");
        }
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema '" + schema + "' must be a lower-case identifier: letters "
                    + "a-z, digits and '_', not starting with a digit, at most 63 characters");
        }
    }

    /** The URL without its query string and user info, which may carry a password, and the schema: what messages show. */
    String location() {
        return withoutQuery(url) + " schema " + schema;
    }

    static String withoutQuery(String url) {
        return SourceConfig.withoutSecrets(url);
    }

    static boolean isIdentifier(String schema) {
        return IDENTIFIER.matcher(schema).matches();
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + location() + ", user=" + user + ", password=" + (password == null ? "none"
                : "***") + "]";
    }
}
