package dev.chatstore.host.telegram;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RecentWritesTest {
    private final AtomicLong now = new AtomicLong();
    private final RecentWrites recent = new RecentWrites(2, 100, now::get);

    @Test
    void freshOnlyForTheSameValueWithinTheMaximumAge() {
        recent.written("user", "Anna");

        assertThat(recent.isFresh("user", "Anna")).isTrue();
        assertThat(recent.isFresh("user", "Anna K.")).isFalse();
        now.set(100);
        assertThat(recent.isFresh("user", "Anna")).isFalse();
    }

    @Test
    void leastRecentlyUsedEntriesAreDropped() {
        recent.written("a", 1);
        recent.written("b", 2);
        recent.isFresh("a", 1);
        recent.written("c", 3);

        assertThat(recent.isFresh("a", 1)).isTrue();
        assertThat(recent.isFresh("b", 2)).isFalse();
        assertThat(recent.isFresh("c", 3)).isTrue();
    }
}
