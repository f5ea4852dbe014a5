package dev.chatstore.sqlite;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The named list of migration scripts is the folder's content, numbered without gaps. */
class SqliteMigrationsTest {
    @Test
    void everyScriptOfTheFolderIsListedInOrder() throws Exception {
        URL folder = getClass().getClassLoader().getResource(SqliteMigrations.FOLDER);
        assertThat(folder).isNotNull();
        List<String> present;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            present = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertThat(SqliteMigrations.FILES).containsExactlyInAnyOrderElementsOf(present);

        List<Integer> versions = SqliteMigrations.FILES.stream().filter(file -> file.startsWith("V"))
                .map(file -> Integer.parseInt(file.substring(1, file.indexOf("__")))).toList();
        assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed().toList());
        assertThat(SqliteSchema.CHATSTORE_LEVEL).isEqualTo(versions.size());
    }

    @Test
    void flywayIsAskedForScriptsByPrefixAndSuffix() {
        SqliteMigrations migrations = new SqliteMigrations();
        assertThat(migrations.getResources("V", new String[] {".sql"})).hasSize(SqliteSchema.CHATSTORE_LEVEL);
        assertThat(migrations.getResources("afterEachMigrate", new String[] {".sql"})).hasSize(1);
        assertThat(migrations.getResources("R", new String[] {".sql"})).isEmpty();
        assertThat(migrations.getResource("V2__chat_messages_by_chat_and_date.sql").getFilename())
                .isEqualTo("V2__chat_messages_by_chat_and_date.sql");
        assertThat(migrations.getResource("missing.sql")).isNull();
    }
}
