package dev.chatstore.storage.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceConfigTest {
    @Test
    void defaults() {
        SourceConfig source = SourceConfig.of("primary", "/data/bot.db");

        assertThat(source).isEqualTo(new SourceConfig("primary", "sqlite", false, 5, Duration.ofSeconds(30),
                Map.of("path", "/data/bot.db")));
        assertThat(source.location()).isEqualTo("/data/bot.db");
    }

    @Test
    void fullMapping() {
        SourceConfig source = SourceConfig.of("archive", ":memory:")
                .withReadonly(true)
                .withPoolSize(64)
                .withTimeout(Duration.ofMillis(1500))
                .withType("postgres");

        assertThat(source.name()).isEqualTo("archive");
        assertThat(source.requireString("path")).isEqualTo(":memory:");
        assertThat(source.readonly()).isTrue();
        assertThat(source.poolSize()).isEqualTo(64);
        assertThat(source.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(source.type()).isEqualTo("postgres");
    }

    @Test
    void withersLeaveTheOriginalUnchanged() {
        SourceConfig original = SourceConfig.of("a", "/a.db");
        original.withReadonly(true);

        assertThat(original.readonly()).isFalse();
    }

    @Test
    void poolSizeMustBeFromOneTo64() {
        assertThatThrownBy(() -> SourceConfig.of("a", "/a").withPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceConfig.of("a", "/a").withPoolSize(65)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> SourceConfig.of("a", "/a").withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceConfig.of("a", "/a").withTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsAreTypedCopiedAndNeverPrinted() {
        SourceConfig source = new SourceConfig("cache", "redis", false, 2, Duration.ofSeconds(1),
                Map.of("url", "redis://h:6379/0", "password", "hunter2", "database", 3L));

        assertThat(source.option("database", Long.class)).contains(3L);
        assertThat(source.option("missing", String.class)).isEmpty();
        assertThat(source.location()).isEqualTo("redis://h:6379/0");
        assertThat(source.toString()).contains("password").doesNotContain("hunter2");
        assertThatThrownBy(() -> source.option("database", String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source.options().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> source.withOption("x", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option 'x'");
    }

    @Test
    void aUrlLocationHasNoQueryStringOrUserInfoWhereAPasswordCouldBe() {
        SourceConfig source = new SourceConfig("pg", "postgres", false, 2, Duration.ofSeconds(1),
                Map.of("url", "jdbc:postgresql://bot:hunter2@db:5432/bot?user=bot&password=hunter2#x"));
        assertThat(source.location()).isEqualTo("jdbc:postgresql://db:5432/bot");
        assertThat(SourceConfig.withoutSecrets("jdbc:postgresql://db/bot;password=hunter2"))
                .isEqualTo("jdbc:postgresql://db/bot");
        assertThat(SourceConfig.withoutSecrets("jdbc:postgresql://db:5432/bot")).isEqualTo("jdbc:postgresql://db:5432/bot");
        assertThat(SourceConfig.withoutSecrets("jdbc:postgresql:bot?password=hunter2")).isEqualTo("jdbc:postgresql:bot");
        assertThat(SourceConfig.withoutSecrets("redis://:hunter2@h:6379")).isEqualTo("redis://h:6379");
        assertThat(SourceConfig.of("a", "/data/x?y.db").location()).as("a path is shown as it is")
                .isEqualTo("/data/x?y.db");
    }

    @Test
    void nameAndTimeoutRangesAreTheRecordsOwn() {
        assertThatThrownBy(() -> SourceConfig.of("a b", "/a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceConfig.of("a", "/a").withTimeout(Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceConfig.of("a", "/a").withType(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> SourceConfig.of(null, "/a")).hasMessage("name is null");
        assertThatThrownBy(() -> SourceConfig.of("a", null)).hasMessage("path is null");
        assertThatThrownBy(() -> SourceConfig.of("a", "/a").withTimeout(null)).hasMessage("timeout is null");
        assertThatThrownBy(() -> SourceConfig.of("a", "/a").withType(null)).hasMessage("type is null");
    }
}
