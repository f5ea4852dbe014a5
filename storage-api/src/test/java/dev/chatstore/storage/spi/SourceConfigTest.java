package dev.chatstore.storage.spi;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceConfigTest {
    @Test
    void defaults() {
        SourceConfig source = SourceConfig.of("primary", "/data/bot.db");

        assertThat(source).isEqualTo(new SourceConfig("primary", "/data/bot.db", false, 5, Duration.ofSeconds(30), "sqlite"));
        assertThat(source.isMemory()).isFalse();
    }

    @Test
    void fullMapping() {
        SourceConfig source = SourceConfig.of("archive", ":memory:")
                .withReadonly(true)
                .withPoolSize(64)
                .withTimeout(Duration.ofMillis(1500))
                .withType("postgres");

        assertThat(source.name()).isEqualTo("archive");
        assertThat(source.path()).isEqualTo(":memory:");
        assertThat(source.readonly()).isTrue();
        assertThat(source.poolSize()).isEqualTo(64);
        assertThat(source.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(source.type()).isEqualTo("postgres");
        assertThat(source.isMemory()).isTrue();
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
    void nullsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> SourceConfig.of(null, "/a")).hasMessage("name is null");
        assertThatThrownBy(() -> SourceConfig.of("a", null)).hasMessage("path is null");
        assertThatThrownBy(() -> SourceConfig.of("a", "/a").withTimeout(null)).hasMessage("timeout is null");
        assertThatThrownBy(() -> SourceConfig.of("a", "/a").withType(null)).hasMessage("type is null");
    }
}
