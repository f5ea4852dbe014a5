package dev.chatstore.host;

import org.tomlj.TomlTable;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The config's {@code [server]} table: how {@code serve}'s HTTP server is sized and how long it waits. Every key is
 * optional; {@link #defaults()} are the values of a missing key.
 *
 * @param maxThreads     {@code max-threads}: threads at most, Jetty's acceptor and selector included; at least
 *                       {@value #MIN_THREADS}
 * @param queueSize      {@code queue-size}: updates received and waiting to be stored (the one being stored
 *                       included) at most; one more is answered 503 with {@code Retry-After}, so Telegram resends it
 *                       later instead of the server queueing without bound; at least 1
 * @param maxConnections {@code max-connections}: open connections at most; at the limit the server stops accepting
 *                       until one closes (new clients wait in the system's backlog)
 * @param idleTimeout  {@code idle-timeout} (seconds): a connection that sends nothing for this long is closed,
 *                     whether it is in the middle of a request's headers or body or idle between keep-alive requests
 * @param maxBodyBytes {@code max-body-bytes}: the largest request body; a larger one is answered 413
 * @param stopTimeout  {@code stop-timeout} (seconds): on SIGTERM, how long requests in flight may take to finish
 * @param groupCommit  {@code group-commit} (boolean, default true): updates for one source that arrive while an
 *                     earlier write is under way are stored together in one transaction, and each is answered after
 *                     that transaction commits; false stores each update in its own transactions
 */
public record ServerSettings(int maxThreads, int queueSize, int maxConnections, Duration idleTimeout,
                             int maxBodyBytes, Duration stopTimeout, boolean groupCommit) {
    static final List<String> KEYS = List.of("max-threads", "queue-size", "max-connections", "idle-timeout",
            "max-body-bytes", "stop-timeout", "group-commit");
    // One acceptor, one selector and a reserved thread on a small machine, and some left for requests.
    static final int MIN_THREADS = 8;
    private static final ServerSettings DEFAULTS = new ServerSettings(32, 64, 1024, Duration.ofSeconds(30),
            1 << 20, Duration.ofSeconds(10), true);

    public ServerSettings {
        check(maxThreads >= MIN_THREADS && maxThreads <= 10_000, "max-threads", maxThreads);
        check(queueSize >= 1 && queueSize <= 1_000_000, "queue-size", queueSize);
        check(maxConnections >= 1 && maxConnections <= 1_000_000, "max-connections", maxConnections);
        check(positive(idleTimeout), "idle-timeout", idleTimeout);
        check(maxBodyBytes >= 1, "max-body-bytes", maxBodyBytes);
        check(positive(stopTimeout), "stop-timeout", stopTimeout);
    }

    /** With group commit on, its default. */
    public ServerSettings(int maxThreads, int queueSize, int maxConnections, Duration idleTimeout, int maxBodyBytes,
                          Duration stopTimeout) {
        this(maxThreads, queueSize, maxConnections, idleTimeout, maxBodyBytes, stopTimeout, true);
    }

    public static ServerSettings defaults() {
        return DEFAULTS;
    }

    /** Reads the {@code [server]} table; every problem goes to {@code problems}, and its key keeps the default. */
    static ServerSettings from(TomlTable table, Consumer<String> problems) {
        for (String key : table.keySet()) {
            if (!KEYS.contains(key)) {
                problems.accept("unknown key '" + key + "' in [server]" + KeyHints.hint(key, KEYS));
            }
        }
        return new ServerSettings(
                integer(table, "max-threads", MIN_THREADS, 10_000, DEFAULTS.maxThreads, problems),
                integer(table, "queue-size", 1, 1_000_000, DEFAULTS.queueSize, problems),
                integer(table, "max-connections", 1, 1_000_000, DEFAULTS.maxConnections, problems),
                seconds(table, "idle-timeout", DEFAULTS.idleTimeout, problems),
                integer(table, "max-body-bytes", 1, Integer.MAX_VALUE - 1, DEFAULTS.maxBodyBytes, problems),
                seconds(table, "stop-timeout", DEFAULTS.stopTimeout, problems),
                bool(table, "group-commit", DEFAULTS.groupCommit, problems));
    }

    private static boolean bool(TomlTable table, String key, boolean fallback, Consumer<String> problems) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean flag)) {
            problems.accept("[server] " + key + " must be true or false, was " + describe(value));
            return fallback;
        }
        return flag;
    }

    private static int integer(TomlTable table, String key, int min, int max, int fallback, Consumer<String> problems) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Long number) || number < min || number > max) {
            problems.accept("[server] " + key + " must be an integer from " + min + " to " + max + ", was "
                    + describe(value));
            return fallback;
        }
        return number.intValue();
    }

    private static Duration seconds(TomlTable table, String key, Duration fallback, Consumer<String> problems) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return fallback;
        }
        double seconds = value instanceof Long number ? number : value instanceof Double number ? number : Double.NaN;
        // An hour at most: a longer wait only keeps dead connections (or a stopping process) around.
        if (!(seconds > 0 && seconds <= 3600)) {
            problems.accept("[server] " + key + " must be a number of seconds, more than 0 and at most 3600, was "
                    + describe(value));
            return fallback;
        }
        return Duration.ofNanos(Math.max(1_000_000, Math.round(seconds * 1e9)));
    }

    private static String describe(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void check(boolean valid, String key, Object value) {
        if (!valid) {
            throw new IllegalArgumentException("[server] " + key + " is out of range: " + value);
        }
    }
}
