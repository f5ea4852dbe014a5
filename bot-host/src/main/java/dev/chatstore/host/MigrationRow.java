package dev.chatstore.host;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chatstore.storage.spi.MigrationResult;

import java.util.List;

/**
 * One line of {@code migrate}.
 *
 * @param versionBefore the schema version when the host opened the source, or null when the step failed
 * @param versionAfter  the schema version now, or null when the step failed
 * @param result        {@code migrated}, {@code up-to-date}, {@code checked} (readonly, never changed),
 *                      {@code no schema migrations} (a backend without {@code StoreAdmin}) or {@code failed}
 * @param error         why it failed, or null
 * @param notes         what one-time steps changed in the data, with counts (for example rows repaired); empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrationRow(String source, boolean readonly, String versionBefore, String versionAfter, boolean changed,
                           String result, String error, List<String> notes) {
    static MigrationRow of(boolean readonly, MigrationResult result) {
        String outcome = readonly ? "checked" : result.changed() ? "migrated" : "up-to-date";
        return new MigrationRow(result.sourceName(), readonly, result.versionBefore(), result.versionAfter(),
                result.changed(), outcome, null, result.notes());
    }

    /** A source whose backend has no {@code StoreAdmin}: nothing to migrate, which is not a failure. */
    static MigrationRow noMigrations(String source, boolean readonly) {
        return new MigrationRow(source, readonly, null, null, false, "no schema migrations", null, List.of());
    }

    static MigrationRow failed(String source, boolean readonly, String error) {
        return new MigrationRow(source, readonly, null, null, false, "failed", error, List.of());
    }

    static TextTable table() {
        return TextTable.of("SOURCE", "MODE", "BEFORE", "AFTER", "RESULT");
    }

    void addTo(TextTable table) {
        table.row(source, readonly ? "ro" : "rw", versionBefore, versionAfter, error == null ? result : result + ": " + error);
    }
}
