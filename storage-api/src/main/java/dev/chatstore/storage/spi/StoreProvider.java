package dev.chatstore.storage.spi;

import java.util.List;

/**
 * Opens sources of one backend type: the extension point storage plugins implement (a PF4J extension; this
 * interface itself has no PF4J type so the SPI stays dependency-free).
 *
 * <p>Implementations are stateless or thread-safe: the host may open several sources at once.
 */
public interface StoreProvider {
    /**
     * The backend type this provider opens, as written in a source's {@code type} key (for example
     * {@code "sqlite"}). Lower-case, constant for the provider's lifetime, unique among loaded providers.
     */
    String type();

    /**
     * The backend's own keys of a source table (everything but {@link ConfigKey#COMMON_KEYS}). The config layer
     * rejects any other key, checks kinds and required keys, resolves {@link ConfigKeyKind#PATH} values against the
     * config file's folder and fills in defaults, so {@link #open} receives checked {@link SourceConfig#options()}.
     *
     * @return constant, unmodifiable; empty (the default) for a backend with no keys of its own
     */
    default List<ConfigKey> configKeys() {
        return List.of();
    }

    /**
     * Opens one source. The caller owns the result and closes it. Opening changes nothing in the source: it neither
     * creates a missing writable database nor migrates or reconfigures an existing one (spec/host.md "Reading
     * changes nothing"). A writable source brings its schema current (creating a missing database) once, before its
     * first write, or on {@link StoreAdmin#migrate()}; until then reads of a missing database answer as an empty
     * store. A readonly source is only checked.
     *
     * @param source non-null; {@code source.type()} equals {@link #type()}; its options follow {@link #configKeys()}
     * @return an open, thread-safe store serving only this source; it may also implement {@link StoreAdmin}
     * @throws SourceUnavailableException if the source cannot be opened (missing readonly file, not a database,
     *                                    unsupported schema, the same database as another open source); the
     *                                    message names the source and its location
     */
    ChatStore open(SourceConfig source);
}
