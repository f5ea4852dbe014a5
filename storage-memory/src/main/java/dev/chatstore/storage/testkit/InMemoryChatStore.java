package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.CacheEntry;
import dev.chatstore.storage.spi.CacheStorageEntry;
import dev.chatstore.storage.spi.CacheType;
import dev.chatstore.storage.spi.ChatRowSink;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.DelayedTask;
import dev.chatstore.storage.spi.DuplicateKeyException;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaStatus;
import dev.chatstore.storage.spi.MediaUpdate;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.TransferTable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static dev.chatstore.storage.testkit.StoreGuard.checkLimit;
import static java.util.Objects.requireNonNull;

/**
 * The reference fake: a complete {@link ChatStore} held in memory, with the semantics {@link ChatStoreContract}
 * demands of every backend (ordering, limits, exclusive date bounds, duplicates, upserts that keep
 * {@code created_at}, TTL, unmodifiable results, {@link StorageClosedException} after {@link #close()}). It passes
 * that contract, so bot code tested against it behaves the same on the SQLite backend.
 *
 * <p><b>Thread safety.</b> Safe for any number of threads. One
 * {@link java.util.concurrent.locks.ReentrantReadWriteLock} guards all state: reads share it, writes hold it
 * exclusively, so a write that touches several tables (a message and its sender's {@code messagesCount}) is atomic
 * and no read sees half of it. Results are immutable records and unmodifiable copies, safe to keep after the call.
 *
 * <p><b>Time.</b> Timestamps come from the {@link Clock} given to the constructor (the UTC system clock by default),
 * cut to whole seconds as SQLite stores them; give it a fixed or hand-advanced clock to test TTLs without sleeping.
 *
 * <p><b>In a bot's tests.</b> Pass it wherever bot code takes a {@code ChatStore}:
 * <pre>{@code
 * try (ChatStore store = new InMemoryChatStore("test")) {
 *     GreetingHandler handler = new GreetingHandler(store);   // your code, written against ChatStore
 *     handler.onJoin(-1001234567890L, 42L, "alice", "Alice Liddell");
 *     assertThat(store.getChatUser(-1001234567890L, 42L)).map(ChatUser::username).hasValue("alice");
 * }
 * }</pre>
 * With Guice, bind it in place of the storage facade:
 * {@code Modules.override(storageModule).with(b -> b.bind(ChatStore.class).toInstance(new InMemoryChatStore()))}.
 * It is one source: there is no routing, readonly flag or fan-out to other sources.
 *
 * <p><b>Moving chats.</b> It is a {@link ChatTransfer} too, so {@code move-chat} and the transfer contract work with
 * it. An export takes the chat's rows under the read lock (one consistent snapshot, held in memory: the store is
 * in memory anyway), then hands them to the sink in batches outside the lock, so a sink may write to this store.
 * Timestamps this store does not keep (those of chat settings, user data and the daily counters, {@code updated_at}
 * of spam samples) are exported as null (spam: its {@code created_at}).
 */
public final class InMemoryChatStore extends InMemoryChatData implements ChatStore, ChatTransfer {
    private final MediaTable media = new MediaTable();
    private final DelayedTaskTable tasks = new DelayedTaskTable();
    private final SpamTable spam = new SpamTable();
    private final SpamTable ham = new SpamTable();
    private final CacheTables caches = new CacheTables();

    /** An empty store named {@code in-memory} on the UTC system clock. */
    public InMemoryChatStore() {
        this("in-memory", Clock.systemUTC());
    }

    /** @param name used in exception messages like a source name, for example {@code "archive"} */
    public InMemoryChatStore(String name) {
        this(name, Clock.systemUTC());
    }

    /** @param clock where {@code created_at}, {@code updated_at} and TTL checks take the time from */
    public InMemoryChatStore(Clock clock) {
        this("in-memory", clock);
    }

    /**
     * @param name  used in exception messages like a source name
     * @param clock where {@code created_at}, {@code updated_at} and TTL checks take the time from
     */
    public InMemoryChatStore(String name, Clock clock) {
        super(new StoreGuard(name, clock));
    }

    @Override
    public void addMediaAttachment(MediaAttachment attachment) {
        requireNonNull(attachment, "attachment is null");
        guard.write("addMediaAttachment", () -> {
            if (media.contains(attachment.fileUniqueId())) {
                throw new DuplicateKeyException(String.format("Media attachment '%s' is already stored in %s "
                        + "(addMediaAttachment); use updateMediaAttachment to change it.",
                        attachment.fileUniqueId(), guard.description()));
            }
            media.insert(attachment, guard.now());
        });
    }

    @Override
    public boolean updateMediaAttachment(String fileUniqueId, MediaUpdate changes) {
        requireNonNull(fileUniqueId, "fileUniqueId is null");
        requireNonNull(changes, "changes is null");
        return guard.write("updateMediaAttachment", () -> media.update(fileUniqueId, changes, guard.now()));
    }

    @Override
    public Optional<MediaAttachment> getMediaAttachment(String fileUniqueId) {
        requireNonNull(fileUniqueId, "fileUniqueId is null");
        return guard.read("getMediaAttachment", () -> media.find(fileUniqueId));
    }

    @Override
    public void addDelayedTask(String id, String function, String kwargs, Instant delayedTs) {
        requireNonNull(id, "id is null");
        requireNonNull(function, "function is null");
        requireNonNull(kwargs, "kwargs is null");
        requireNonNull(delayedTs, "delayedTs is null");
        guard.write("addDelayedTask", () -> {
            if (tasks.contains(id)) {
                throw new DuplicateKeyException(String.format("Delayed task '%s' is already stored in %s "
                        + "(addDelayedTask); give every task a unique id.", id, guard.description()));
            }
            tasks.insert(id, function, kwargs, delayedTs, guard.now());
        });
    }

    @Override
    public boolean updateDelayedTask(String id, boolean isDone) {
        requireNonNull(id, "id is null");
        return guard.write("updateDelayedTask", () -> tasks.update(id, isDone, guard.now()));
    }

    @Override
    public List<DelayedTask> getPendingDelayedTasks() {
        return guard.read("getPendingDelayedTasks", tasks::pending);
    }

    @Override
    public void addSpamMessage(SpamMessage sample) {
        requireNonNull(sample, "spam is null");
        guard.write("addSpamMessage", () -> spam.put(sample, guard.now()));
    }

    @Override
    public void addHamMessage(SpamMessage sample) {
        requireNonNull(sample, "ham is null");
        guard.write("addHamMessage", () -> ham.put(sample, guard.now()));
    }

    @Override
    public List<SpamMessage> getSpamMessagesByUserId(long chatId, long userId) {
        return guard.read("getSpamMessagesByUserId", () -> spam.byUser(chatId, userId));
    }

    @Override
    public int deleteSpamMessagesByUserId(long chatId, long userId) {
        return guard.write("deleteSpamMessagesByUserId", () -> spam.deleteByUser(chatId, userId));
    }

    @Override
    public List<SpamMessage> getSpamMessages(int limit) {
        checkLimit(limit);
        return guard.read("getSpamMessages", () -> spam.newest(limit));
    }

    @Override
    public List<SpamMessage> getSpamMessagesByText(String text) {
        requireNonNull(text, "text is null");
        return guard.read("getSpamMessagesByText", () -> spam.byText(text));
    }

    @Override
    public void setCacheEntry(CacheType cacheType, String key, String data) {
        requireNonNull(cacheType, "cacheType is null");
        requireNonNull(key, "key is null");
        requireNonNull(data, "data is null");
        guard.write("setCacheEntry", () -> caches.put(cacheType, key, data, guard.now()));
    }

    /** @throws IllegalArgumentException if {@code ttl} is negative */
    @Override
    public Optional<CacheEntry> getCacheEntry(CacheType cacheType, String key, Duration ttl) {
        requireNonNull(cacheType, "cacheType is null");
        requireNonNull(key, "key is null");
        if (ttl != null && ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
        }
        return guard.read("getCacheEntry", () -> caches.find(cacheType, key, ttl, guard.instant()));
    }

    @Override
    public int clearCache(CacheType cacheType) {
        requireNonNull(cacheType, "cacheType is null");
        return guard.write("clearCache", () -> caches.clear(cacheType));
    }

    @Override
    public void setCacheStorage(String namespace, String key, String value) {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        guard.write("setCacheStorage", () -> caches.putStorage(namespace, key, value, guard.now()));
    }

    @Override
    public List<CacheStorageEntry> getCacheStorage() {
        return guard.read("getCacheStorage", caches::storage);
    }

    @Override
    public boolean unsetCacheStorage(String namespace, String key) {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(key, "key is null");
        return guard.write("unsetCacheStorage", () -> caches.removeStorage(namespace, key));
    }

    @Override
    public void exportChat(long chatId, int batchSize, ChatRowSink sink) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        requireNonNull(sink, "sink is null");
        Map<TransferTable, List<Object[]>> snapshot = guard.read("exportChat", () -> {
            Map<TransferTable, List<Object[]>> tables = new LinkedHashMap<>();
            for (TransferTable table : TransferTable.ALL) {
                tables.put(table, rowsOf(table, chatId));
            }
            return tables;
        });
        snapshot.forEach((table, rows) -> {
            for (int i = 0; i < rows.size(); i += batchSize) {
                sink.accept(table, new ArrayList<>(rows.subList(i, Math.min(rows.size(), i + batchSize))));
            }
        });
    }

    private List<Object[]> rowsOf(TransferTable table, long chatId) {
        return switch (table.name()) {
            case "media_attachments" -> transferRows(TransferTable.CHAT_MESSAGES, chatId).stream()
                    .map(row -> (String) row[TransferTable.CHAT_MESSAGES.columnNames().indexOf("media_id")])
                    .filter(Objects::nonNull).distinct().map(media::exportRow)
                    .filter(Objects::nonNull).toList();
            case "spam_messages" -> spam.exportRows(chatId);
            case "ham_messages" -> ham.exportRows(chatId);
            default -> transferRows(table, chatId);
        };
    }

    @Override
    public int importRows(TransferTable table, List<Object[]> rows) {
        requireNonNull(table, "table is null");
        requireNonNull(rows, "rows is null");
        for (Object[] row : rows) {
            if (row.length != table.columns().size()) {
                throw new IllegalArgumentException("a row of " + table.name() + " has " + row.length
                        + " values; the table has " + table.columns().size() + " columns");
            }
        }
        return guard.write("importRows", () -> {
            for (Object[] r : rows) {
                switch (table.name()) {
                    case "media_attachments" -> media.importRow(new MediaAttachment((String) r[0], (String) r[1],
                            r[2] == null ? null : ((Number) r[2]).longValue(), MessageType.fromValue((String) r[3]),
                            (String) r[4], MediaStatus.fromValue((String) r[5]), (String) r[6], (String) r[7],
                            (String) r[8], (String) r[9], time(r[10]), time(r[11])));
                    case "spam_messages", "ham_messages" -> (table.name().startsWith("spam") ? spam : ham).importRow(
                            new SpamMessage(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                                    (String) r[3], SpamReason.fromValue((String) r[4]), ((Number) r[5]).doubleValue()),
                            time(r[6]));
                    default -> importTransferRow(table, r);
                }
            }
            return rows.size();
        });
    }

    @Override
    public long deleteChat(long chatId) {
        return guard.write("deleteChat", () -> deleteChatRows(chatId) + spam.deleteChat(chatId)
                + ham.deleteChat(chatId));
    }

    @Override
    public List<Long> chatIds() {
        return guard.read("chatIds", () -> {
            Set<Long> ids = chatIdsWithRows();
            ids.addAll(spam.chatIds());
            ids.addAll(ham.chatIds());
            return ids.stream().sorted().toList();
        });
    }

    private static Instant time(Object value) {
        return value == null ? Instant.EPOCH : (Instant) value;
    }

    /** Idempotent. Waits for calls in flight; later calls throw {@link StorageClosedException}. */
    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        return guard.description();
    }
}
