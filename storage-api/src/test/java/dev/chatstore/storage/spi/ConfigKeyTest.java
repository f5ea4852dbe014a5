package dev.chatstore.storage.spi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigKeyTest {
    @Test
    void factories() {
        ConfigKey path = ConfigKey.required("path", ConfigKeyKind.PATH, "the file").withLiterals(":memory:");
        ConfigKey schema = ConfigKey.optional("schema", ConfigKeyKind.STRING, "chatstore", "the schema");

        assertThat(path.required()).isTrue();
        assertThat(path.literals()).containsExactly(":memory:");
        assertThat(schema.defaultValue()).isEqualTo("chatstore");
    }

    @Test
    void invariants() {
        assertThatThrownBy(() -> ConfigKey.required("pool-size", ConfigKeyKind.INTEGER, "x"))
                .hasMessageContaining("common key");
        assertThatThrownBy(() -> ConfigKey.required("passwordEnv", ConfigKeyKind.STRING, "x"))
                .hasMessageContaining("dash-case");
        assertThatThrownBy(() -> ConfigKey.optional("port", ConfigKeyKind.INTEGER, 5432, "x"))
                .hasMessageContaining("Long");
        assertThatThrownBy(() -> ConfigKey.required("url", ConfigKeyKind.URL, "x").withLiterals("a"))
                .hasMessageContaining("PATH");
        assertThatThrownBy(() -> ConfigKey.required("url", ConfigKeyKind.URL, " ")).hasMessageContaining("description");
    }
}
