package dev.chatstore.storage.spi;

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
     * Opens one source. The caller owns the result and closes it. A writable source is brought to the backend's
     * newest schema before this returns; a readonly one is only checked.
     *
     * @param source non-null; {@code source.type()} equals {@link #type()}
     * @return an open, thread-safe store serving only this source; it may also implement {@link StoreAdmin}
     * @throws SourceUnavailableException if the source cannot be opened (missing readonly file, not a database,
     *                                    unsupported schema); the message names the source and its path
     */
    ChatStore open(SourceConfig source);
}
