package dev.chatstore.storage.spi;

/**
 * What kind of value a backend's config key takes, and so how the config layer checks and converts it before the
 * value reaches {@link SourceConfig#options()}.
 */
public enum ConfigKeyKind {
    /** Non-blank text, passed as written ({@code String}). */
    STRING,
    /**
     * Non-blank text that is never shown: not in messages, logs, {@code toString()} or status output
     * ({@code String}). A password, for example.
     */
    SECRET,
    /** A location such as {@code "redis://h:6379/0"} or a JDBC URL, passed verbatim ({@code String}). */
    URL,
    /**
     * A file path: the config layer resolves a relative one against the config file's folder and hands the backend
     * an absolute, normalized path ({@code String}), except the key's {@link ConfigKey#literals() literals}.
     */
    PATH,
    /** A whole number ({@code Long}). */
    INTEGER,
    /** A number, whole or not ({@code Double}). */
    DECIMAL,
    /** {@code true} or {@code false} ({@code Boolean}). */
    BOOLEAN;

    /** The Java type of a value of this kind in {@link SourceConfig#options()}. */
    public Class<?> javaType() {
        return switch (this) {
            case STRING, SECRET, URL, PATH -> String.class;
            case INTEGER -> Long.class;
            case DECIMAL -> Double.class;
            case BOOLEAN -> Boolean.class;
        };
    }
}
