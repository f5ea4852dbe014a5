package dev.chatstore.sqlite;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The plugin's migration scripts, named rather than scanned. A plugin class loader also answers for the host's
 * class path, so a scan of the location can find a second copy of each script (this module's own classes do in
 * the packaging test) and Flyway then refuses the duplicates; the named files are looked up in this class's own
 * loader, which finds the plugin's copy first.
 *
 * <p>A released script never changes: Flyway checks the checksum of every applied script and refuses a file whose
 * history no longer matches. Changes go into a new {@code V<n+1>__*.sql}.
 */
final class SqliteMigrations implements ResourceProvider {
    static final String FOLDER = "dev/chatstore/sqlite/migration/";
    /** Every script, in version order; a new {@code V<n>__*.sql} is added here too ({@code SqliteMigrationsTest}). */
    static final List<String> FILES = List.of(
            "V1__original_schema_level_6.sql",
            "V2__chat_messages_by_chat_and_date.sql",
            "V3__lookup_indexes.sql",
            "V4__root_and_username_as_the_original_writes_them.sql",
            "V5__index_budget.sql",
            "afterEachMigrate.sql");
    /** The newest Chatstore level this build knows: the number of versioned scripts. */
    static final int LATEST = (int) FILES.stream().filter(file -> file.startsWith("V")).count();

    /**
     * The text of one of {@link #FILES}, from this class's own loader (the plugin's copy).
     *
     * @throws IllegalStateException when the plugin's jar lacks it or cannot be read: the installed plugin is
     *                               damaged; install it again from a build
     */
    static String text(String file) {
        String name = FOLDER + file;
        try (InputStream in = SqliteMigrations.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the storage-sqlite plugin's jar: the "
                        + "installed plugin is damaged; install its zip again from a build (mvn -B package)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + name + " from the storage-sqlite plugin's jar (" + e
                    + "); install its zip again from a build (mvn -B package)", e);
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        return FILES.stream().filter(file -> name.equals(file) || name.equals(FOLDER + file)).findFirst()
                .map(Script::new).orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return FILES.stream()
                .filter(file -> file.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(file::endsWith))
                .<LoadableResource>map(Script::new).toList();
    }

    /** One script in this plugin's jar. */
    private static final class Script extends LoadableResource {
        private final String file;

        Script(String file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            return new StringReader(text(file));
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + file;
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
