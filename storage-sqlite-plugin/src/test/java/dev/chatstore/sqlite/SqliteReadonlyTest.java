package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.CacheType;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaStatus;
import dev.chatstore.storage.spi.MediaUpdate;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreAdmin;
import dev.chatstore.storage.spi.SummarizationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.chatstore.sqlite.SqliteTestFiles.GROUP;
import static dev.chatstore.sqlite.SqliteTestFiles.readonly;
import static dev.chatstore.sqlite.SqliteTestFiles.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A readonly source with no routing guard in front: the file itself is opened read-only, so every write fails
 * in SQLite, even raw SQL that first switches {@code query_only} off, and reading never changes a byte.
 */
class SqliteReadonlyTest {
    private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");
    private static final Map<Class<?>, Object> SAMPLES = Map.ofEntries(
            Map.entry(long.class, GROUP), Map.entry(int.class, 10), Map.entry(boolean.class, true),
            Map.entry(Long.class, 1L), Map.entry(Integer.class, 1), Map.entry(String.class, "sample"),
            Map.entry(Instant.class, NOW), Map.entry(Duration.class, Duration.ofHours(1)),
            Map.entry(ChatMessage.class, ChatMessage.builder(GROUP, "900", 1001, NOW).text("x").build()),
            Map.entry(List.class, List.of(ChatMessage.builder(GROUP, "901", 1001, NOW).text("x").build())),
            Map.entry(MessageQuery.class, MessageQuery.all()), Map.entry(MessageCategory.class, MessageCategory.BOT),
            Map.entry(ChatType.class, ChatType.SUPERGROUP),
            Map.entry(SummarizationKey.class, new SummarizationKey(GROUP, null, "1", "2", "prompt")),
            Map.entry(MediaAttachment.class, MediaAttachment.builder("new-file", MessageType.IMAGE).build()),
            Map.entry(MediaUpdate.class, MediaUpdate.builder().status(MediaStatus.FAILED).build()),
            Map.entry(SpamMessage.class, new SpamMessage(GROUP, 1001, "100", "spam", SpamReason.ADMIN, 1.0)),
            Map.entry(CacheType.class, CacheType.WEATHER));

    @TempDir
    Path dir;

    @Test
    void everyWriteOperationFailsInSqliteAndChangesNothing() throws Exception {
        Path file = SqliteTestFiles.originalLevel6(dir.resolve("archive.db"));
        String fingerprint = sha256(file);
        List<String> writes = new ArrayList<>();

        try (ChatStore store = new SqliteStoreProvider().open(readonly("archive", file))) {
            for (OperationDescriptor operation : OperationDescriptor.all()) {
                if (!operation.isWrite()) {
                    continue;
                }
                writes.add(operation.name());
                assertThat(invoke(store, operation.method())).as(operation.name())
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("'archive'").hasMessageContaining(operation.name())
                        .hasMessageContaining("read-only");
            }
        }
        assertThat(writes).hasSize(27).contains("addChatMessage", "addChatMessages", "clearCache", "setSetting");
        assertThat(sha256(file)).isEqualTo(fingerprint);
    }

    @Test
    void rawSqlOnAPooledConnectionCannotWriteEvenWithQueryOnlySwitchedOff() throws Exception {
        Path file = SqliteTestFiles.originalLevel6(dir.resolve("archive.db"));
        String fingerprint = sha256(file);

        try (ChatStore store = new SqliteStoreProvider().open(readonly("archive", file))) {
            JdbcSource source = SqliteOpenStores.sourceOf(store);
            assertThat(source.<Long>read(s -> s.queryLong("PRAGMA query_only", -1))).isOne();
            assertThatThrownBy(() -> source.read(s -> {
                try (Statement statement = s.connection().createStatement()) {
                    return statement.executeUpdate("INSERT INTO settings (key, value) VALUES ('sneaky', 'write')");
                }
            })).isInstanceOf(StorageException.class).hasMessageContaining("read-only");
            assertThatThrownBy(() -> source.read(s -> {
                try (Statement statement = s.connection().createStatement()) {
                    statement.execute("PRAGMA query_only = OFF");
                    return statement.executeUpdate("INSERT INTO settings (key, value) VALUES ('sneaky', 'write')");
                }
            })).isInstanceOf(StorageException.class).hasMessageContaining("SQLITE_READONLY");
            assertThat(store.getSetting("sneaky")).isEmpty();
        }
        assertThat(sha256(file)).isEqualTo(fingerprint);
    }

    @Test
    void aSessionOfReadsLeavesTheFileByteForByteUnchanged() throws Exception {
        // One file as the original writes it, one written by Chatstore (WAL mode, our additions).
        Path original = SqliteTestFiles.originalLevel6(dir.resolve("original.db"));
        Path ours = dir.resolve("ours.db");
        try (ChatStore writer = new SqliteStoreProvider().open(SqliteTestFiles.writable("primary", ours))) {
            writer.updateChatUser(GROUP, 1001, "alice", "Alice");
            writer.addChatMessages(List.of(ChatMessage.builder(GROUP, "1", 1001, NOW).text("hi").build(),
                    ChatMessage.builder(GROUP, "2", 1001, NOW.plusSeconds(5)).text("there").build()));
        }
        for (Path file : List.of(original, ours)) {
            String fingerprint = sha256(file);
            try (ChatStore store = new SqliteStoreProvider().open(readonly("archive", file))) {
                for (OperationDescriptor operation : OperationDescriptor.all()) {
                    if (!operation.isWrite()) {
                        assertThat(invoke(store, operation.method())).as(operation.name()).isNull();
                    }
                }
                assertThat(store.getChatMessages(GROUP, MessageQuery.latest(50))).isNotEmpty();
                SourceStatus status = ((StoreAdmin) store).status();
                assertThat(status.healthy()).isTrue();
                assertThat(status.readonly()).isTrue();
                ((StoreAdmin) store).migrate();
            }
            assertThat(sha256(file)).as("%s after reads", file.getFileName()).isEqualTo(fingerprint);
        }
    }

    private static Throwable invoke(ChatStore store, Method method) throws IllegalAccessException {
        Object[] args = new Object[method.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = SAMPLES.get(method.getParameterTypes()[i]);
        }
        try {
            method.invoke(store, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }
}
