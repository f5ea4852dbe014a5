package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.CacheEntry;
import dev.chatstore.storage.spi.CacheStorageEntry;
import dev.chatstore.storage.spi.CacheType;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.DelayedTask;
import dev.chatstore.storage.spi.DuplicateKeyException;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaUpdate;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.StorageClosedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 */
public final class InMemoryChatStore extends InMemoryChatData implements ChatStore {
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
