package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatKeyed;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StoreAdmin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The multi-source storage: a {@link ChatStore} whose every call passes the readonly guard, the router and, for
 * fan-out reads, the aggregator before it reaches one (or every) source store. Bot code usually injects it as plain
 * {@code ChatStore}; the host uses the extra methods below.
 *
 * <p>Routing of the {@code ChatStore} operations follows the facts each SPI method declares: chat-scoped
 * operations go to {@code chatMapping[chatId]}, else the default source; operations without a chat id go to the
 * default source; fan-out reads ask every source in parallel, each within its own timeout, and merge the rows
 * (de-duplicated by chat id, the owning source's row winning, ordered by chat id).
 *
 * <p><b>Thread safety.</b> Safe to call from any number of threads at once, including {@link #close()} while calls
 * are in flight: those finish (close waits for them up to the longest source timeout) or fail with a
 * {@code StorageException}; calls that start after close throw {@link dev.chatstore.storage.spi.StorageClosedException}.
 *
 * <p><b>Ownership.</b> The storage owns the source stores it was built with and the fan-out executor; {@link #close()}
 * closes them all. Views from {@link #source(String)} and admins from {@link #admin(String)} are not closed separately.
 */
public interface Storage extends ChatStore {
    /**
     * A view pinned to one source: every operation goes to that source only (the Java form of the guide's
     * {@code dataSource=} argument). Writes still meet the readonly guard; fan-out reads ask only this source, with
     * no timeout of their own. Closing the view does nothing; the storage closes the source.
     *
     * @param name a configured source name, non-null
     * @throws dev.chatstore.storage.spi.UnknownSourceException if no source has that name (never falls back)
     */
    ChatStore source(String name);

    /** The configured source names, in config order; an immutable list. Works after close. */
    List<String> sourceNames();

    /**
     * Whether the named source refuses writes. Works after close.
     *
     * @throws dev.chatstore.storage.spi.UnknownSourceException if no source has that name
     */
    boolean isReadonly(String name);

    /**
     * The configuration this storage was built from, with the chat mapping currently in force (see
     * {@link #replaceChatMapping}). Works after close.
     */
    StorageConfig config();

    /**
     * Swaps the chat mapping at run time, for every layer at once (readonly guard, router, fan-out merge, and
     * {@link #config()}); sources, their flags and the default source stay as opened. Thread-safe: one atomic
     * (volatile) swap; calls that start after it returns route by the new mapping, calls already routed finish on
     * the source they were sent to. A caller that must know no write still goes to the old source (a chat move)
     * waits for its own in-flight calls to end after the swap.
     *
     * @param chatMapping chat id to source name, every name a configured source
     * @return the mapping that was replaced
     * @throws dev.chatstore.storage.spi.StorageConfigException naming each mapping value that is not a configured
     *                                                          source; the running mapping is kept
     * @throws dev.chatstore.storage.spi.StorageClosedException if the storage is closed
     */
    Map<Long, String> replaceChatMapping(Map<Long, String> chatMapping);

    /**
     * Which source serves {@code chatId}, and why: explicit source &gt; chat mapping &gt; default. Works after close.
     *
     * @param explicitSource the source the caller would name, or null for none
     * @throws dev.chatstore.storage.spi.UnknownSourceException if {@code explicitSource} is not configured
     */
    RouteDecision route(long chatId, String explicitSource);

    /**
     * The operator view of one source, when its store offers one. The returned object is the source store itself:
     * its calls bypass the routing chain and are not counted as storage calls.
     *
     * @throws dev.chatstore.storage.spi.UnknownSourceException  if no source has that name
     * @throws dev.chatstore.storage.spi.StorageClosedException if the storage is closed
     */
    Optional<StoreAdmin> admin(String name);

    /**
     * Runs {@code read} against every source (each given as its {@link #source(String)}-style pinned view) with the
     * policy of the fan-out reads: in parallel, each within its timeout, rows de-duplicated by chat id with the
     * owning source's row winning, ordered by chat id ascending, a failed source skipped with a WARN or failing the
     * call as {@code on-source-failure} says. Each row is tagged with its source.
     *
     * @param operation a name for logs and messages, for example {@code "getAllGroupChats"}; non-null
     * @param read      the per-source read; called concurrently, once per source; must return non-null rows
     * @return an immutable list ordered by chat id ascending
     * @throws dev.chatstore.storage.spi.SourceUnavailableException under {@code "fail"}, carrying the merged
     *                                                              {@code List<Sourced<T>>} of the other sources
     */
    <T extends ChatKeyed> List<Sourced<T>> fanOutWithSources(String operation, Function<ChatStore, List<T>> read);

    /**
     * Stops new calls, waits for calls in flight (up to the longest source timeout), then shuts the fan-out executor
     * down and closes every source store. Idempotent. A failure closing one source does not stop the others from
     * being closed; the first is thrown with the rest suppressed.
     */
    @Override
    void close();
}
