package dev.chatstore.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/chatstore} on a copy of the checkout's layout (bin/, the built jar with its lib/, configs/, plugins/,
 * samples/): the README's first command through it, the class data sharing archive it records and then uses, and
 * the SQLite plugin's native library kept beside the plugin's jars.
 */
class LauncherIT {
    @Test
    void theReadmeCommandRunsThroughTheLauncherWhichRecordsItsArchiveOnceAndThenUsesIt(@TempDir Path checkout)
            throws Exception {
        layout(checkout);
        Path ingestArchive = checkout.resolve("bot-host/target/bot-host-ingest.jsa");
        Path readArchive = checkout.resolve("bot-host/target/bot-host-read.jsa");

        Run ingest = launch(checkout, List.of(), "--config", "configs/bot.toml", "ingest",
                "samples/telegram-updates.jsonl");
        assertThat(ingest.exitCode).as(ingest.err).isIn(0, 1);
        assertThat(ingest.out).contains("Messages: " + SampleFacts.read(HostProcess.sample()).totalMessages()
                + " stored");
        assertThat(ingestArchive).isRegularFile();
        assertThat(readArchive).as("each kind of command records its own").doesNotExist();
        long ingestRecorded = Files.getLastModifiedTime(ingestArchive).toMillis();

        for (int run = 0; run < 2; run++) {
            Run sources = launch(checkout, List.of(), "--config", "configs/bot.toml", "sources");
            assertThat(sources.exitCode).as(sources.err).isZero();
            assertThat(sources.out).startsWith("NAME ").contains("primary").doesNotContain("warning");
        }
        assertThat(readArchive).isRegularFile();
        long readRecorded = Files.getLastModifiedTime(readArchive).toMillis();
        Run again = launch(checkout, List.of(), "--config", "configs/bot.toml", "sources");
        assertThat(again.exitCode).as(again.err).isZero();
        assertThat(Files.getLastModifiedTime(readArchive).toMillis()).as("archive kept, not recorded again")
                .isEqualTo(readRecorded);
        assertThat(Files.getLastModifiedTime(ingestArchive).toMillis()).isEqualTo(ingestRecorded);

        // An archive fits the JVM build that recorded it: one recorded by another java is recorded again.
        Path recordedBy = checkout.resolve("bot-host/target/bot-host-read.jsa.jvm");
        String java = Files.readString(recordedBy).strip();
        assertThat(Path.of(java)).isRegularFile();
        Files.writeString(recordedBy, "/bin/sh\n");
        Run otherJava = launch(checkout, List.of(), "--config", "configs/bot.toml", "sources");
        assertThat(otherJava.exitCode).as(otherJava.err).isZero();
        assertThat(Files.readString(recordedBy).strip()).as("recorded again, by this java").isEqualTo(java);
    }

    /**
     * Ingest from stdin (like one of a file over 64 MiB) records no archive: writing it at the exit of a 1,000,000
     * update ingest took the run's peak RSS past issue 19's 300 MB. The next ingest of a small file records it.
     */
    @Test
    void ingestFromStdinLeavesTheArchiveToASmallIngest(@TempDir Path checkout) throws Exception {
        layout(checkout);
        Path ingestArchive = checkout.resolve("bot-host/target/bot-host-ingest.jsa");

        Run piped = launch(checkout, List.of(), checkout.resolve("samples/telegram-updates.jsonl"),
                "--config", "configs/bot.toml", "ingest", "-");
        assertThat(piped.exitCode).as(piped.err).isIn(0, 1);
        assertThat(piped.out).contains("Messages: ");
        assertThat(ingestArchive).as("not recorded by an ingest of stdin").doesNotExist();

        Run file = launch(checkout, List.of(), "--config", "configs/bot.toml", "ingest",
                "samples/telegram-updates.jsonl");
        assertThat(file.exitCode).as(file.err).isIn(0, 1);
        assertThat(ingestArchive).as("recorded by an ingest of a small file").isRegularFile();
    }

    @Test
    void theSqlitePluginLoadsItsNativeLibraryFromBesideItsJarsNotFromSqliteJdbcsTemporaryCopy(@TempDir Path checkout)
            throws Exception {
        layout(checkout);
        // sqlite-jdbc extracts its library there unless the plugin hands it the kept copy: a folder that cannot
        // exist makes that fallback fail.
        List<String> env = List.of("CHATSTORE_JAVA_OPTS=-Dorg.sqlite.tmpdir=" + checkout.resolve("no/such/folder"),
                "CHATSTORE_CDS=0");
        for (int run = 0; run < 2; run++) {
            Run sources = launch(checkout, env, "--db", "data/x.db", "--plugins", "plugins", "migrate");
            assertThat(sources.exitCode).as(sources.err).isZero();
        }
        try (Stream<Path> files = Files.walk(checkout.resolve("plugins/storage-sqlite-plugin/lib"))) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith("libsqlitejdbc")).toList())
                    .hasSize(1);
        }
    }

    private static void layout(Path checkout) throws IOException {
        Path repo = HostProcess.repoRoot();
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(repo.resolve("bin/chatstore"), checkout.resolve("bin/chatstore"));
        Path target = Files.createDirectories(checkout.resolve("bot-host/target/lib"));
        Files.copy(HostProcess.jar(), target.getParent().resolve("bot-host.jar"));
        try (Stream<Path> libs = Files.list(HostProcess.jar().resolveSibling("lib"))) {
            for (Path lib : libs.toList()) {
                Files.copy(lib, target.resolve(lib.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.createDirectories(checkout.resolve("configs"));
        Files.copy(repo.resolve("configs/bot.toml"), checkout.resolve("configs/bot.toml"));
        HostProcess.installPlugins(checkout);
        Files.createDirectories(checkout.resolve("samples"));
        Files.copy(HostProcess.sample(), checkout.resolve("samples/telegram-updates.jsonl"));
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run launch(Path checkout, List<String> env, String... args) throws Exception {
        return launch(checkout, env, null, args);
    }

    /** Runs bin/chatstore in {@code checkout}; {@code input} is its stdin (null: none). */
    private static Run launch(Path checkout, List<String> env, Path input, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", checkout.resolve("bin/chatstore").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(checkout, "out", ".txt");
        Path err = Files.createTempFile(checkout, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String pair : env) {
            builder.environment().put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        Process process = builder.start();
        if (!process.waitFor(HostProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/chatstore " + String.join(" ", args) + " did not finish in "
                    + HostProcess.TIMEOUT);
        }
        try {
            return new Run(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
