package dev.chatstore.host;

import org.tomlj.TomlTable;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The config's {@code [metrics]} table: whether {@code serve} answers {@code GET /metrics} (Prometheus text) and
 * where. Every key is optional; without the table metrics are on, on the webhook's own port.
 *
 * @param enabled {@code enabled}: false turns {@code /metrics} off (the path is then 404 like any other)
 * @param port    {@code port}: serve {@code /metrics} on this port instead, on a server of its own (so the
 *                webhook's port can face Telegram while metrics stay inside); 0 picks a free port; empty: the
 *                webhook's port
 * @param bind    {@code bind}: the address of that separate server; empty: the webhook's {@code --bind}
 */
public record MetricsSettings(boolean enabled, OptionalInt port, Optional<String> bind) {
    static final List<String> KEYS = List.of("enabled", "port", "bind");
    static final String PATH = "/metrics";
    private static final MetricsSettings DEFAULTS = new MetricsSettings(true, OptionalInt.empty(), Optional.empty());

    public MetricsSettings {
        requireNonNull(port, "port is null");
        requireNonNull(bind, "bind is null");
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("[metrics] port is out of range: " + port.getAsInt());
        }
        if (bind.isPresent() && port.isEmpty()) {
            throw new IllegalArgumentException("[metrics] bind needs port");
        }
    }

    public static MetricsSettings defaults() {
        return DEFAULTS;
    }

    /** Whether {@code /metrics} is served by a server of its own. */
    boolean separatePort() {
        return enabled && port.isPresent();
    }

    /** Reads the {@code [metrics]} table; every problem goes to {@code problems}, and its key keeps the default. */
    static MetricsSettings from(TomlTable table, Consumer<String> problems) {
        for (String key : table.keySet()) {
            if (!KEYS.contains(key)) {
                problems.accept("unknown key '" + key + "' in [metrics]" + KeyHints.hint(key, KEYS));
            }
        }
        boolean enabled = DEFAULTS.enabled;
        Object enabledValue = table.get(List.of("enabled"));
        if (enabledValue instanceof Boolean flag) {
            enabled = flag;
        } else if (enabledValue != null) {
            problems.accept("[metrics] enabled must be true or false, was " + describe(enabledValue));
        }
        OptionalInt port = OptionalInt.empty();
        Object portValue = table.get(List.of("port"));
        if (portValue instanceof Long number && number >= 0 && number <= 65535) {
            port = OptionalInt.of(number.intValue());
        } else if (portValue != null) {
            problems.accept("[metrics] port must be an integer from 0 to 65535, was " + describe(portValue));
        }
        Optional<String> bind = Optional.empty();
        Object bindValue = table.get(List.of("bind"));
        if (bindValue instanceof String address && !address.isBlank()) {
            bind = Optional.of(address);
        } else if (bindValue != null) {
            problems.accept("[metrics] bind must be an address such as \"127.0.0.1\", was " + describe(bindValue));
        }
        if (bind.isPresent() && port.isEmpty()) {
            if (portValue == null) {
                problems.accept("[metrics] bind is set but port is not; bind is the address of the separate "
                        + "metrics server that port starts");
            }
            bind = Optional.empty();
        }
        return new MetricsSettings(enabled, port, bind);
    }

    private static String describe(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }
}
