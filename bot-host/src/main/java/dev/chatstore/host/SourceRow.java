package dev.chatstore.host;

import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceStatus;

import java.util.List;
import java.util.Optional;

/**
 * One line of {@code sources}: the configured source and, when its backend reports one, its status. Fields the
 * backend cannot tell are null in JSON and "-" in the table.
 *
 * @param connectionsInUse connections in use now
 * @param chats            chats with chat info, or null when unknown
 * @param messages         stored messages, or null when unknown
 * @param healthy          whether a trivial query just succeeded, or null without status
 * @param detail           why it is unhealthy, or for a healthy source what the backend notes (a file the first
 *                         write will create), or null
 */
public record SourceRow(String name, String type, String path, boolean readonly, int poolSize, Integer connectionsInUse,
                        String schemaVersion, Long chats, Long messages, String backendVersion, Boolean healthy,
                        String detail) {
    static SourceRow of(SourceConfig source, SourceStatus s) {
        return new SourceRow(source.name(), source.type(), s.location(), source.readonly(), s.poolSize(),
                s.activeConnections(), s.schemaVersion(), s.chats() < 0 ? null : s.chats(),
                s.messages() < 0 ? null : s.messages(), s.backendVersion(), s.healthy(),
                s.detail().isEmpty() ? null : s.detail());
    }

    static TextTable table() {
        return TextTable.of("NAME", "TYPE", "MODE", "POOL", "IN USE", "SCHEMA", "CHATS", "MESSAGES", "VERSION",
                "HEALTH", "PATH");
    }

    void addTo(TextTable table) {
        table.row(name, type, readonly ? "ro" : "rw", poolSize, connectionsInUse, schemaVersion, chats, messages,
                backendVersion, health(), path);
    }

    /**
     * Below the table, one line per healthy source whose backend has something to say (for SQLite: a missing
     * writable file that the first write will create, a schema the first write will bring current).
     */
    static List<String> notes(List<SourceRow> rows) {
        return rows.stream().filter(row -> Boolean.TRUE.equals(row.healthy()) && row.detail() != null)
                .map(row -> "Note: source '" + row.name() + "': " + Errors.oneLine(row.detail())).toList();
    }

    String health() {
        if (healthy == null) {
            return "unknown";
        }
        return healthy ? "ok" : "FAILING: " + detail;
    }
}
