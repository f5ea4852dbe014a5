package dev.chatstore.sqlite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteVersionRuleTest {
    @Test
    void acceptsTheMinimumAndNewer() {
        assertThat(SqliteVersionRule.refusal("a", "3.51.3")).isEmpty();
        assertThat(SqliteVersionRule.refusal("a", "3.52.0")).isEmpty();
        assertThat(SqliteVersionRule.refusal("a", "3.54.1")).isEmpty();
        assertThat(SqliteVersionRule.refusal("a", "4.0")).isEmpty();
    }

    @Test
    void refusesOlderVersionsNamingTheSourceAndTheFix() {
        assertThat(SqliteVersionRule.refusal("primary", "3.51.2")).get().asString()
                .contains("Source 'primary' runs SQLite 3.51.2, older than the required 3.51.3")
                .contains("newer sqlite-jdbc");
        assertThat(SqliteVersionRule.refusal("a", "3.9.9")).isPresent();
        assertThat(SqliteVersionRule.refusal("a", "3.50")).isPresent();
    }

    @Test
    void unreadableVersionsAreNotRefusedButFlagged() {
        assertThat(SqliteVersionRule.refusal("a", "unknown")).isEmpty();
        assertThat(SqliteVersionRule.readable("unknown")).isFalse();
        assertThat(SqliteVersionRule.readable("3.54.1")).isTrue();
    }
}
