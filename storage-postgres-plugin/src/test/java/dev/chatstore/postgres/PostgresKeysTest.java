package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PostgreSQL keys: declared for the config layer, read into settings, passwords never echoed. */
class PostgresKeysTest {
    private static final String SECRET = "hunter2-secret";

    @Test
    void theProviderDeclaresItsKeysWithTheSchemaDefault() {
        assertThat(new PostgresStoreProvider().configKeys()).extracting(ConfigKey::name)
                .containsExactly("url", "user", "password-env", "password", "schema");
        assertThat(PostgresKeys.KEYS).filteredOn(ConfigKey::required).extracting(ConfigKey::name)
                .containsExactly("url");
        assertThat(PostgresKeys.KEYS).filteredOn(key -> key.name().equals("schema")).singleElement()
                .extracting(ConfigKey::defaultValue).isEqualTo("chatstore");
    }

    @Test
    void defaults() {
        PostgresSettings settings = PostgresKeys.settings(source(Map.of("url", "jdbc:postgresql://db/bot")),
                variable -> null);
        assertThat(settings).isEqualTo(new PostgresSettings("jdbc:postgresql://db/bot", null, null, "chatstore"));
    }

    @Test
    void fullMappingWithThePasswordFromTheEnvironment() {
        PostgresSettings settings = PostgresKeys.settings(source(Map.of("url", "jdbc:postgresql://db:5432/bot?ssl=true",
                "user", "bot", "password-env", "BOT_DB_PASSWORD", "schema", "tenant_7")),
                variable -> variable.equals("BOT_DB_PASSWORD") ? SECRET : null);
        assertThat(settings).isEqualTo(new PostgresSettings("jdbc:postgresql://db:5432/bot?ssl=true", "bot", SECRET,
                "tenant_7"));
        assertThat(settings.location()).isEqualTo("jdbc:postgresql://db:5432/bot schema tenant_7");
        assertThat(settings.toString()).doesNotContain(SECRET).contains("***");
    }

    @Test
    void everyProblemIsReportedAtOnceAndNoPasswordIsShown() {
        assertThatThrownBy(() -> PostgresKeys.settings(source(Map.of("url", "jdbc:mysql://db/bot?password=" + SECRET,
                "password-env", "UNSET", "password", SECRET, "schema", "Bad-Name")), variable -> null))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'url' must be a PostgreSQL JDBC URL")
                .hasMessageContaining("give either 'password-env' or 'password', not both")
                .hasMessageContaining("'schema' must be a lower-case identifier")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> PostgresKeys.settings(source(Map.of("url", "jdbc:postgresql://db/bot",
                "password-env", "UNSET")), variable -> null))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("Source 'pg': the environment variable 'UNSET' named by 'password-env' is not set");
    }

    private static SourceConfig source(Map<String, Object> options) {
        return new SourceConfig("pg", "postgres", false, 5, Duration.ofSeconds(30), options);
    }
}
