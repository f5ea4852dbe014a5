package dev.chatstore.sqlite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads sqlite-jdbc's native library from a copy kept beside the plugin's jars instead of the copy sqlite-jdbc
 * extracts on every start: it writes the library (about 1 MB) under a new name in the temporary folder, then
 * compares it with the jar's copy a byte at a time, about an eighth of a short command's start. The kept copy is
 * {@code native-<sqlite-jdbc version>/<os>/<arch>/} in the plugin's expanded {@code lib/} (only there: a
 * sqlite-jdbc jar on a class path is left alone), written once under a private name and moved in place, so concurrent starts never load half a file.
 *
 * <p>Steps aside, leaving sqlite-jdbc its own way, when the operator chose a library ({@code org.sqlite.lib.path}
 * or {@code org.sqlite.lib.name}), when the folder cannot be written, and when another class loader of this JVM
 * (a second load of the same plugin folder) has loaded the kept copy already: the JVM gives a native library to one
 * class loader only. The system properties (the library's folder and name, and {@code org.sqlite.tmpdir} unless the
 * operator set it) are set only around sqlite-jdbc's loading and removed again. Thread-safe: the first call does the
 * work, later ones return at once.
 */
final class SqliteNativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final String TMPDIR_PROPERTY = "org.sqlite.tmpdir";
    /** System property prefix marking a kept copy as loaded by some class loader of this JVM. */
    private static final String LOADED_MARK = "dev.chatstore.sqlite.native.loaded:";
    private static boolean done;
    private static boolean loaded;

    private SqliteNativeLibrary() {
    }

    /**
     * Loads the native library before the first connection; a failure leaves it to sqlite-jdbc.
     *
     * @return whether the kept copy is loaded, so a connection can be opened without sqlite-jdbc's own loading (its
     *         one attempt per class loader, whose failure the first open must be the one to meet and report)
     */
    static synchronized boolean load() {
        if (done) {
            return loaded;
        }
        done = true;
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return false;
        }
        try {
            Path kept = keptCopy();
            if (kept == null) {
                return false;
            }
            String mark = LOADED_MARK + kept;
            synchronized (System.getProperties()) {
                if (System.getProperty(mark) != null) {
                    return false;
                }
                System.setProperty(mark, "true");
            }
            System.setProperty(PATH_PROPERTY, kept.getParent().toString());
            System.setProperty(NAME_PROPERTY, kept.getFileName().toString());
            // sqlite-jdbc's loader first lists its temporary folder for copies earlier runs left behind, a folder
            // of hundreds of entries on a busy machine; the kept copy puts nothing there, so it lists the kept
            // copy's folder instead, where it finds none of its own (their names start with "sqlite-").
            boolean ownTmpdir = System.getProperty(TMPDIR_PROPERTY) == null;
            if (ownTmpdir) {
                System.setProperty(TMPDIR_PROPERTY, kept.getParent().toString());
            }
            try {
                loaded = SQLiteJDBCLoader.initialize();
            } finally {
                System.clearProperty(PATH_PROPERTY);
                System.clearProperty(NAME_PROPERTY);
                if (ownTmpdir) {
                    System.clearProperty(TMPDIR_PROPERTY);
                }
            }
        } catch (Exception | LinkageError e) {
            // sqlite-jdbc tries again its own way at the first connection, and reports a real failure there.
            LOG.debug("Keeping sqlite-jdbc's native library beside the plugin failed; it extracts its own", e);
        }
        return loaded;
    }

    /** The kept copy, written first when missing; null when the jar has no library for this platform. */
    private static Path keptCopy() throws IOException, URISyntaxException {
        String folder = LibraryLoaderUtil.getNativeLibResourcePath();
        String name = LibraryLoaderUtil.getNativeLibName();
        if (SQLiteJDBCLoader.class.getResource(folder + "/" + name) == null) {
            return null;
        }
        Path jar = Path.of(SQLiteJDBCLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = jar.getParent();
        // Only inside an expanded plugin (lib/ beside plugin.properties): never in a shared folder such as ~/.m2.
        if (!Files.isRegularFile(jar) || lib == null || !"lib".equals(String.valueOf(lib.getFileName()))
                || !Files.isRegularFile(lib.resolveSibling("plugin.properties"))) {
            return null;
        }
        Path kept = jar.resolveSibling("native-" + SQLiteJDBCLoader.getVersion() + folder).resolve(name);
        if (Files.isRegularFile(kept) && !Files.getLastModifiedTime(kept).toInstant()
                .isBefore(Files.getLastModifiedTime(jar).toInstant())) {
            return kept;
        }
        Files.createDirectories(kept.getParent());
        Path part = Files.createTempFile(kept.getParent(), name, ".part");
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(folder + "/" + name)) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return kept;
    }
}
