package dev.chatstore.sqlite;

import dev.chatstore.storage.jdbc.JdbcSource;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceUnavailableException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stores this plugin has opened and that are not closed yet: so that stopping the plugin can close the pools
 * its callers forgot, and so that two sources never open the same database file. A readonly source sharing its file
 * with a writable one would be written through the other (by path string, {@code ./x/../a.db}, a symlink or a hard
 * link), so each open source claims its file's identity: the real path (links resolved; for a file not created
 * yet, its nearest existing folder's), and for files that exist the file keys (device and inode) of the database and
 * of its {@code -wal} and {@code -shm}. The same source (same name) opened again, by a second storage over one config,
 * or writable by {@code move-chat} for an archive the config marks readonly, is not a second source and may share its
 * file, as two processes may. One registry per class loader,
 * so per loaded plugin.
 */
final class SqliteOpenStores {
    private static final Map<ChatStore, JdbcSource> OPEN = new ConcurrentHashMap<>();
    private static final Map<Claim, Boolean> CLAIMS = new LinkedHashMap<>();

    /** One source's hold on a file; released when the source closes (or fails to open). */
    static final class Claim {
        private final String sourceName;
        private final Map<Object, String> identity;

        private Claim(String sourceName, Map<Object, String> identity) {
            this.sourceName = sourceName;
            this.identity = identity;
        }

        /** The same configured source opened again (a second storage over one config, or move-chat's writable view). */
        private boolean sameSource(SourceConfig source) {
            return sourceName.equals(source.name());
        }

        /** Idempotent. */
        void release() {
            synchronized (CLAIMS) {
                CLAIMS.remove(this);
            }
        }
    }

    private SqliteOpenStores() {
    }

    /**
     * Claims the file of {@code source} (a memory source claims nothing and gets null).
     *
     * @throws SourceUnavailableException naming both sources when another open source has the same file
     */
    static Claim claim(SourceConfig source, Path file) {
        if (SqliteStoreProvider.isMemory(source)) {
            return null;
        }
        Map<Object, String> identity = identity(file);
        synchronized (CLAIMS) {
            for (Claim other : CLAIMS.keySet()) {
                if (other.sameSource(source)) {
                    continue;
                }
                for (Map.Entry<Object, String> key : identity.entrySet()) {
                    if (other.identity.containsKey(key.getKey())) {
                        throw new SourceUnavailableException(source.name(), String.format("Sources '%s' and '%s' "
                                + "open the same database file %s (%s): two sources must never share a file, or "
                                + "one could write the other's (a readonly source through a writable one). Point "
                                + "one of them at another file, or remove one of the two sources from the config.",
                                other.sourceName, source.name(), file, key.getValue()), null);
                    }
                }
            }
            Claim claim = new Claim(source.name(), identity);
            CLAIMS.put(claim, Boolean.TRUE);
            return claim;
        }
    }

    /** The keys that identify a file: its real path, and the file keys of it and its -wal and -shm. */
    private static Map<Object, String> identity(Path file) {
        Map<Object, String> identity = new LinkedHashMap<>();
        identity.put("path:" + realPath(file), "the same real path, links resolved");
        fileKey(file).ifPresent(key -> identity.put(key, "the same file: device and inode"));
        for (String suffix : List.of("-wal", "-shm")) {
            fileKey(file.resolveSibling(file.getFileName() + suffix))
                    .ifPresent(key -> identity.putIfAbsent(key, "a shared " + suffix + " file (a hard link)"));
        }
        return identity;
    }

    /** The path with every link resolved; for a missing file, its nearest existing folder's real path plus the rest. */
    static Path realPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing == null ? absolute.getRoot() : existing.toRealPath();
        } catch (IOException e) {
            return absolute; // a dangling link: the path itself is what SQLite would open
        }
        for (Path name : missing) {
            real = real.resolve(name.toString());
        }
        return real;
    }

    private static Optional<Object> fileKey(Path file) {
        try {
            return Optional.ofNullable(Files.readAttributes(file, BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void remember(ChatStore store, JdbcSource source) {
        OPEN.put(store, source);
    }

    static void forget(ChatStore store) {
        OPEN.remove(store);
    }

    /** The source behind an open store of this plugin, for this package's tests; null when not open. */
    static JdbcSource sourceOf(ChatStore store) {
        return OPEN.get(store);
    }

    /** Closes every store still open; returns how many there were. */
    static int closeAll() {
        List<ChatStore> open = List.copyOf(OPEN.keySet());
        for (ChatStore store : open) {
            store.close();
        }
        return open.size();
    }
}
