package dev.chatstore.postgres;

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
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreAdmin;
import dev.chatstore.storage.spi.SummarizationKey;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A readonly PostgreSQL source with no routing guard in front: its connections are read-only underneath
 * ({@code default_transaction_read_only}), so every write fails in the server and no row changes; it is never
 * migrated, and refused at open when its schema is missing or not one this build serves.
 */
class PostgresReadonlyTest {
    private static final long GROUP = -1001234567890L;
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

    private final PostgresServer server = PostgresServer.shared();
    private final String schema = PostgresServer.freshSchema();

    @Test
    void everyWriteOperationFailsInTheServerAndChangesNoRow() throws Exception {
        fill();
        String fingerprint = fingerprint();
        List<String> writes = new ArrayList<>();

        try (ChatStore store = open(true)) {
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
        assertThat(fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void readsStatusAndMigrateOnAReadonlySourceChangeNothing() throws Exception {
        fill();
        String fingerprint = fingerprint();
        try (ChatStore store = open(true)) {
            for (OperationDescriptor operation : OperationDescriptor.all()) {
                if (!operation.isWrite()) {
                    assertThat(invoke(store, operation.method())).as(operation.name()).isNull();
                }
            }
            assertThat(store.getChatMessages(GROUP, MessageQuery.latest(50))).hasSize(2);
            SourceStatus status = ((StoreAdmin) store).status();
            assertThat(status.healthy()).isTrue();
            assertThat(status.readonly()).isTrue();
            assertThat(status.schemaVersion()).isEqualTo("chatstore-pg-" + PostgresMigrations.LATEST);
            assertThat(status.messages()).as("the probe counts nothing").isEqualTo(-1);
            assertThat(((StoreAdmin) store).statusWithCounts().messages()).isEqualTo(2);
            assertThat(((StoreAdmin) store).migrate().changed()).isFalse();
        }
        assertThat(fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void rawSqlOnAReadonlyConnectionCannotWrite() throws Exception {
        fill();
        JdbcSource source = PostgresOpener.open(config(true), PostgresTestSources.settings(server, schema)).source();
        try {
            assertThatThrownBy(() -> source.read(s -> {
                try (Statement statement = s.connection().createStatement()) {
                    return statement.executeUpdate("INSERT INTO settings (key, value) VALUES ('sneaky', 'write')");
                }
            })).isInstanceOf(StorageException.class).hasMessageContaining("read-only");
        } finally {
            source.close();
        }
        try (ChatStore store = open(false)) {
            assertThat(store.getSetting("sneaky")).isEmpty();
        }
    }

    @Test
    void aMissingSchemaIsRefusedForReadonlyAndNotCreated() {
        assertThatThrownBy(() -> open(true)).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("'archive'").hasMessageContaining(schema)
                .hasMessageContaining("does not exist").hasMessageContaining("migrate");
        assertThat(schemaExists()).isFalse();
    }

    @Test
    void aSchemaNewerThanThisBuildIsRefusedForEveryone() throws Exception {
        fill();
        server.execute("INSERT INTO " + schema + ".flyway_schema_history (installed_rank, version, description, "
                + "type, script, checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', "
                + "'V99__future.sql', 0, 'test', 0, true)");
        for (boolean readonly : new boolean[] {true, false}) {
            assertThatThrownBy(() -> open(readonly)).isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("chatstore-pg-99").hasMessageContaining("newer than this build");
        }
    }

    @Test
    void aSchemaWithForeignTablesIsRefused() {
        server.execute("CREATE SCHEMA " + schema, "CREATE TABLE " + schema + ".orders (id int)");
        assertThatThrownBy(() -> open(false)).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("not a Chatstore schema");
    }

    private void fill() {
        try (ChatStore store = open(false)) {
            store.updateChatUser(GROUP, 1001, "alice", "Alice");
            store.updateChatInfo(GROUP, ChatType.SUPERGROUP, "Group", "group", false);
            store.addChatMessages(List.of(ChatMessage.builder(GROUP, "1", 1001, NOW).text("hi").build(),
                    ChatMessage.builder(GROUP, "2", 1001, NOW.plusSeconds(5)).text("there").build()));
            store.addMediaAttachment(MediaAttachment.builder("file", MessageType.IMAGE).build());
            store.addDelayedTask("task", "f", "{}", NOW);
            store.addSpamMessage(new SpamMessage(GROUP, 1001, "1", "spam", SpamReason.ADMIN, 0.9));
            store.setCacheEntry(CacheType.WEATHER, "sample", "sunny");
            store.setCacheStorage("sample", "sample", "v");
            store.setChatSetting(GROUP, "sample", "v");
            store.addUserData(1, GROUP, "sample", "v");
            store.updateChatTopicInfo(GROUP, 1, 1, "e", "Topic");
        }
    }

    private ChatStore open(boolean readonly) {
        return PostgresTestSources.open(config(readonly));
    }

    private SourceConfig config(boolean readonly) {
        return PostgresTestSources.config("archive", schema).withReadonly(readonly);
    }

    private boolean schemaExists() {
        try (Connection c = server.admin().getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'")) {
            row.next();
            return row.getInt(1) == 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every table of the schema, hashed. */
    private String fingerprint() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = server.admin().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = '" + schema + "' ORDER BY table_name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).hasSizeGreaterThan(20);
            for (String table : tables) {
                try (ResultSet row = s.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY "
                        + "t::text), '')) FROM " + schema + "." + table + " t")) {
                    row.next();
                    all.append(table).append(':').append(row.getLong(1)).append(':').append(row.getString(2))
                            .append('\n');
                }
            }
        }
        return all.toString();
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
