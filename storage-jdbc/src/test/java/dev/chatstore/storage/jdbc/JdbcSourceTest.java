package dev.chatstore.storage.jdbc;

import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcSourceTest {
    @TempDir
    Path dir;

    private JdbcSource source;

    private JdbcSource open(JdbcSource.Builder builder) {
        source = builder.build();
        source.exclusive("setup", s -> s.update("CREATE TABLE IF NOT EXISTS t (k INTEGER PRIMARY KEY, v TEXT)"));
        return source;
    }

    @AfterEach
    void close() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void aTransientFailureRunsTheWholeWorkAgain() {
        open(TestSources.builder(dir, Duration.ofSeconds(5)));
        AtomicInteger attempts = new AtomicInteger();

        int stored = source.transaction(s -> {
            s.update("INSERT INTO t (k, v) VALUES (?, ?)", attempts.get(), "x");
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("could not serialize access", "40001");
            }
            return (int) s.queryLong("SELECT count(*) FROM t", -1);
        });

        assertThat(attempts).hasValue(3);
        assertThat(stored).as("the failed attempts were rolled back").isEqualTo(1);
    }

    @Test
    void aTransientFailureThatOutlastsTheTimeoutIsSourceUnavailableNamingSourceAndRetries() {
        open(TestSources.builder(dir, Duration.ofMillis(200)));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> source.write(s -> {
            attempts.incrementAndGet();
            throw new SQLException("deadlock detected", "40001");
        })).isInstanceOfSatisfying(SourceUnavailableException.class, e -> assertThat(e.sourceName()).isEqualTo("main"))
                .hasMessageContaining("Source 'main' (" + dir.resolve("t.db") + "): call failed")
                .hasMessageContaining("transient TestSQL error within the source's timeout of 0.2 s (deadlock detected)");
        assertThat(attempts.get()).isGreaterThan(1);
    }

    @Test
    void otherFailuresAreTranslatedOnceWithoutRetry() {
        open(TestSources.builder(dir, Duration.ofSeconds(5)));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> source.read(s -> {
            attempts.incrementAndGet();
            return s.queryLong("SELECT nope FROM t", 0);
        })).isExactlyInstanceOf(StorageException.class).hasMessageContaining("Source 'main'")
                .hasMessageContaining("call failed").hasMessageContaining("no such column")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void statementsAreCachedPerConnectionAndDroppedAfterAnError() {
        open(TestSources.builder(dir, Duration.ofSeconds(5)));
        List<PreparedStatement> seen = new ArrayList<>();

        source.read(s -> seen.add(s.prepare("SELECT count(*) FROM t")));
        source.read(s -> seen.add(s.prepare("SELECT count(*) FROM t")));
        assertThatThrownBy(() -> source.read(s -> s.queryLong("SELECT nope FROM t", 0)));
        source.read(s -> seen.add(s.prepare("SELECT count(*) FROM t")));

        assertThat(seen.get(1)).isSameAs(seen.get(0));
        assertThat(seen.get(2)).isNotSameAs(seen.get(0));
    }

    @Test
    void theSchemaHookRunsOnceBeforeTheFirstWriteAndNeverForReads() {
        AtomicInteger hookRuns = new AtomicInteger();
        open(TestSources.builder(dir, Duration.ofSeconds(5)).schemaHook(s -> hookRuns.incrementAndGet()));

        source.read(s -> s.queryLong("SELECT count(*) FROM t", 0));
        assertThat(hookRuns).hasValue(0);
        source.write(s -> s.update("INSERT INTO t (k, v) VALUES (1, 'a')"));
        source.transaction(s -> s.update("INSERT INTO t (k, v) VALUES (2, 'b')"));
        assertThat(hookRuns).hasValue(1);
    }

    @Test
    void aFailedSchemaHookFailsTheWriteAndIsTriedAgain() {
        AtomicInteger hookRuns = new AtomicInteger();
        open(TestSources.builder(dir, Duration.ofSeconds(5)).schemaHook(s -> {
            if (hookRuns.incrementAndGet() == 1) {
                throw new StorageException("schema step failed");
            }
        }));

        assertThatThrownBy(() -> source.write(s -> s.update("INSERT INTO t (k, v) VALUES (1, 'a')")))
                .hasMessage("schema step failed");
        source.write(s -> s.update("INSERT INTO t (k, v) VALUES (1, 'a')"));
        assertThat(hookRuns).hasValue(2);
    }

    @Test
    void aReadonlySourceNeverRunsTheHook() {
        var config = TestSources.config(dir, Duration.ofSeconds(1)).withReadonly(true);
        AtomicInteger hookRuns = new AtomicInteger();
        source = JdbcSource.builder(config, "x", TestSources.DIALECT, TestSources.pool(config))
                .schemaHook(s -> hookRuns.incrementAndGet()).build();

        source.write(s -> s.update("CREATE TABLE u (k INTEGER)"));
        assertThat(hookRuns).hasValue(0);
    }

    @Test
    void afterCloseEveryCallIsRefusedAndCloseIsIdempotent() {
        AtomicInteger closedAfterPool = new AtomicInteger();
        open(TestSources.builder(dir, Duration.ofSeconds(5)).closeAfterPool(closedAfterPool::incrementAndGet));
        source.close();
        source.close();

        assertThat(closedAfterPool).hasValue(1);
        assertThatThrownBy(() -> source.read(s -> 1)).isInstanceOf(StorageClosedException.class)
                .hasMessageContaining("TestSQL source 'main'");
        assertThatThrownBy(() -> source.write(s -> 1)).isInstanceOf(StorageClosedException.class);
        assertThatThrownBy(() -> source.exclusive("migrate", s -> 1)).isInstanceOf(StorageClosedException.class)
                .hasMessageContaining("migrate");
    }

    @Test
    void theCallCheckSeesEveryCallAndMayRefuseIt() {
        List<String> checks = new ArrayList<>();
        open(TestSources.builder(dir, Duration.ofSeconds(5)).callCheck((operation, write) -> {
            checks.add(operation + ":" + write);
            if (checks.size() == 3) {
                throw new SourceUnavailableException("main", "file replaced", null);
            }
        }));

        source.read(s -> 1);
        source.write(s -> 1);
        assertThatThrownBy(() -> source.read(s -> 1)).hasMessage("file replaced");
        assertThat(checks).containsExactly("call:false", "call:true", "call:false");
    }

    @Test
    void prepareForWritesRunsThePendingHookOnceAsTheFirstWriteWould() {
        AtomicInteger hookRuns = new AtomicInteger();
        open(TestSources.builder(dir, Duration.ofSeconds(5)).schemaHook(s -> hookRuns.incrementAndGet()));

        source.prepareForWrites();
        source.prepareForWrites();
        source.write(s -> s.update("INSERT INTO t (k, v) VALUES (1, 'a')"));
        assertThat(hookRuns).hasValue(1);
    }

    @Test
    void aReplacedPoolServesLaterCallsAndIsClosedWithTheSource(@TempDir Path other) {
        open(TestSources.builder(dir, Duration.ofSeconds(5)));
        source.write(s -> s.update("INSERT INTO t (k, v) VALUES (1, 'old')"));
        var standIn = source.unpooled();
        var otherConfig = TestSources.config(other, Duration.ofSeconds(5)).withPoolSize(3);
        var replacement = TestSources.pool(otherConfig);
        var replacementData = replacement.getDataSource();

        source.replacePool(replacement, replacementData);
        source.exclusive("setup", s -> s.update("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)"));
        source.write(s -> s.update("INSERT INTO t (k, v) VALUES (2, 'new')"));

        long keys = source.read(s -> s.queryLong("SELECT sum(k) FROM t", 0));
        assertThat(keys).isEqualTo(2);
        assertThat(source.unpooled()).isSameAs(replacementData).isNotSameAs(standIn);
        assertThat(source.poolSize()).isEqualTo(3);
        source.close();
        assertThat(replacement.isClosed()).isTrue();
    }

    @Test
    void aPoolHandedToAClosedSourceIsClosedAndRefused(@TempDir Path other) {
        open(TestSources.builder(dir, Duration.ofSeconds(5)));
        source.close();
        var replacement = TestSources.pool(TestSources.config(other, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> source.replacePool(replacement, replacement.getDataSource()))
                .isInstanceOf(StorageClosedException.class);
        assertThat(replacement.isClosed()).isTrue();
    }
}
