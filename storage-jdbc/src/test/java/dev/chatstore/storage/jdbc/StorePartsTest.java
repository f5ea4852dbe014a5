package dev.chatstore.storage.jdbc;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamStore;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreAdmin;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorePartsTest {
    @TempDir
    Path dir;

    /** Every ChatStore sub-interface but SpamStore, served by the in-memory fake. */
    private static Object allButSpam(InMemoryChatStore memory) {
        Class<?>[] interfaces = Arrays.stream(ChatStore.class.getInterfaces())
                .filter(type -> type != SpamStore.class && type != AutoCloseable.class).toArray(Class<?>[]::new);
        return Proxy.newProxyInstance(StorePartsTest.class.getClassLoader(), interfaces,
                (proxy, method, args) -> method.invoke(memory, args));
    }

    /** A spam part whose reads fail in SQL, to see which operation the core names. */
    private static SpamStore failingSpam(JdbcSource source) {
        return (SpamStore) Proxy.newProxyInstance(StorePartsTest.class.getClassLoader(), new Class<?>[] {SpamStore.class},
                (proxy, method, args) -> source.read(s -> {
                    throw new SQLException("disk I/O error");
                }));
    }

    @Test
    void anIncompleteStoreIsNotBuilt() {
        JdbcSource source = TestSources.builder(dir, Duration.ofSeconds(1)).build();
        try {
            assertThatThrownBy(() -> StoreParts.of(source).part(allButSpam(new InMemoryChatStore("m"))).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Store of source 'main' is incomplete: SpamStore has no part");
            InMemoryChatStore twice = new InMemoryChatStore("m");
            assertThatThrownBy(() -> StoreParts.of(source).part(twice).part(failingSpam(source)).build())
                    .hasMessageContaining("SpamStore has 2 parts");
        } finally {
            source.close();
        }
    }

    @Test
    void failuresNameTheOperationFromItsDescriptor() {
        JdbcSource source = TestSources.builder(dir, Duration.ofSeconds(1)).build();
        try (ChatStore store = StoreParts.of(source).part(allButSpam(new InMemoryChatStore("m")))
                .part(failingSpam(source)).build()) {
            assertThatThrownBy(() -> store.getSpamMessages(5)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("Source 'main' (" + dir.resolve("t.db") + "): getSpamMessages failed: "
                            + "disk I/O error");
            assertThat(store.getChatMessages(1, MessageQuery.all())).isEmpty();
        }
    }

    @Test
    void nullsAreRefusedByParameterNameExceptNullableOnes() {
        JdbcSource source = TestSources.builder(dir, Duration.ofSeconds(1)).build();
        try (ChatStore store = StoreParts.of(source).part(new InMemoryChatStore("m")).build()) {
            assertThatThrownBy(() -> store.addSpamMessage(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("spam is null");
            assertThat(store.getChatUsers(1, 5, null)).isEmpty();
        }
    }

    @Test
    void closingRunsTheHooksOnceThenEveryOperationIsRefused() {
        JdbcSource source = TestSources.builder(dir, Duration.ofSeconds(1)).build();
        AtomicInteger hooks = new AtomicInteger();
        ChatStore store = StoreParts.of(source).part(new InMemoryChatStore("m")).onClose(hooks::incrementAndGet).build();

        store.close();
        store.close();

        assertThat(hooks).hasValue(1);
        assertThat(source.isClosed()).isTrue();
        assertThatThrownBy(() -> store.addSpamMessage(new SpamMessage(1, 2, "3", "t", dev.chatstore.storage.spi.SpamReason.AUTO, 0)))
                .isInstanceOf(StorageClosedException.class).hasMessageContaining("addSpamMessage");
        assertThat(store).isNotInstanceOf(StoreAdmin.class);
    }

    @Test
    void anAdminMakesTheStoreAStoreAdmin() {
        JdbcSource source = TestSources.builder(dir, Duration.ofSeconds(1)).build();
        SourceStatus status = new SourceStatus("main", "x", false, 1, 0, "1", 0, 0, "v", true, "");
        StoreAdmin admin = new StoreAdmin() {
            @Override
            public SourceStatus status() {
                return status;
            }

            @Override
            public MigrationResult migrate() {
                return new MigrationResult("main", "1", "1", false);
            }
        };
        try (ChatStore store = StoreParts.of(source).part(new InMemoryChatStore("m")).admin(admin).build()) {
            assertThat(((StoreAdmin) store).status()).isSameAs(status);
            assertThat(store.toString()).contains("TestSQL source 'main'");
            assertThat(List.of(store)).contains(store);
        }
    }
}
