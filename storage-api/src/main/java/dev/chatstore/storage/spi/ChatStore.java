package dev.chatstore.storage.spi;

/**
 * Everything a chat bot stores: the one interface bot code injects.
 *
 * <p>An implementation is either one source (made by a {@link StoreProvider}) or the routing facade over many.
 * Each operation is declared once, in the domain interfaces this extends, with an {@link Operation} annotation
 * stating whether it reads or writes and how it is routed; the routing layers act on those facts.
 *
 * <p>Common contract of every operation:
 * <ul>
 *   <li><b>Thread safety.</b> Implementations are safe to call from any number of threads at once.</li>
 *   <li><b>Nulls.</b> Arguments are non-null unless the parameter is marked {@link Nullable} (its javadoc then
 *       says what null means). A null argument throws {@link NullPointerException} with the message
 *       {@code "<parameter name> is null"} (for example {@code "message is null"}) before anything is read or
 *       stored; this holds on a closed store too only when the store checks arguments first, so callers should not
 *       rely on which of the two a null on a closed store gives. Results are never null ({@code Optional} for a row
 *       that may be absent, empty collections for no rows). Returned collections are unmodifiable.</li>
 *   <li><b>Failures.</b> Everything thrown is a {@link StorageException}: {@link ReadOnlySourceException} for a
 *       write to a readonly source, {@link UnknownSourceException}, {@link SourceUnavailableException} when a source
 *       cannot be reached within its timeout, {@link DuplicateKeyException} where stated, and
 *       {@link StorageClosedException} from every operation called after {@link #close()} returned (with valid
 *       arguments). Invalid arguments (a null, a limit below 1) throw
 *       {@link NullPointerException} or {@link IllegalArgumentException} before anything is stored.</li>
 *   <li><b>Text.</b> Every string is stored and returned verbatim (Unicode, emoji, quotes, SQL-looking text).</li>
 *   <li><b>Time.</b> Timestamps are UTC with whole seconds.</li>
 * </ul>
 */
public interface ChatStore
        extends SettingsStore, MessageStore, UserStore, UserDataStore, ChatSettingsStore, ChatInfoStore, MediaStore,
        DelayedTaskStore, SpamStore, CacheStore, AutoCloseable {
    /**
     * Releases the store's connections and threads. Idempotent; calls in flight finish or fail with a
     * {@link StorageException}; later calls throw {@link StorageClosedException}. Whoever opened the store closes
     * it: the routing facade closes the source stores it opened.
     */
    @Override
    void close();
}
