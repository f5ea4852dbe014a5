package dev.chatstore.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the built {@code bot-host.jar} as a separate process for the end-to-end tests, the way an operator does:
 * {@code java -jar <absolute jar> ARGS} in a given working directory, with a timeout, output captured in files.
 */
final class HostProcess {
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final String PLUGIN_ZIP = "storage-sqlite-plugin.zip";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private HostProcess() {
    }

    /** The checkout: the nearest folder above the working directory with {@code configs/bot.toml}. */
    static Path repoRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("configs/bot.toml"))) {
                return folder;
            }
        }
        return fail("No folder above " + Path.of("").toAbsolutePath() + " has configs/bot.toml; run the ITs in the checkout");
    }

    static Path jar() {
        String property = System.getProperty("chatstore.host.jar");
        Path jar = property != null ? Path.of(property) : repoRoot().resolve("bot-host/target/bot-host.jar");
        if (!Files.isRegularFile(jar)) {
            fail("The host jar " + jar + " is missing; build it with: mvn -pl bot-host package -DskipTests");
        }
        return jar.toAbsolutePath();
    }

    static Path sample() {
        Path sample = repoRoot().resolve("samples/telegram-updates.jsonl");
        if (!Files.isRegularFile(sample)) {
            fail("The sample " + sample + " is missing");
        }
        return sample;
    }

    /** Creates {@code folder/plugins} holding a copy of the built SQLite plugin zip; returns that folder. */
    static Path installPlugins(Path folder) {
        Path zip = repoRoot().resolve("plugins").resolve(PLUGIN_ZIP);
        if (!Files.isRegularFile(zip)) {
            fail("The SQLite plugin zip " + zip + " is missing; build it first with: "
                    + "mvn -B -pl storage-sqlite-plugin package -DskipTests");
        }
        try {
            Path plugins = Files.createDirectories(folder.resolve("plugins"));
            Files.copy(zip, plugins.resolve(PLUGIN_ZIP), StandardCopyOption.REPLACE_EXISTING);
            return plugins;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the host to completion in {@code workDir}, with no input. */
    static Result run(Path workDir, String... args) {
        return start(workDir, args).await(TIMEOUT);
    }

    /** Starts the host in {@code workDir}, with no input; stdout and stderr go to files. */
    static Running start(Path workDir, String... args) {
        return start(java.util.Map.of(), workDir, args);
    }

    /** Like {@link #start(Path, String...)}, with extra environment variables. */
    static Running start(java.util.Map<String, String> env, Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto", "-jar", jar().toString()));
        command.addAll(List.of(args));
        int run = RUNS.incrementAndGet();
        try {
            Path logs = Files.createDirectories(workDir.resolve(".host-output"));
            Path out = logs.resolve(run + ".out");
            Path err = logs.resolve(run + ".err");
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            Process process = builder.directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            return new Running(process, command, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** A finished run of the host. */
    record Result(List<String> command, int exitCode, String out, String err) {
        /** Asserts the exit code, showing the command and its output when it differs. */
        Result exits(int expected) {
            assertThat(exitCode).as("exit code of %s%n--- stdout:%n%s%n--- stderr:%n%s", String.join(" ", command), out, err)
                    .isEqualTo(expected);
            return this;
        }

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                return fail("stdout of " + String.join(" ", command) + " is not JSON: " + out + "\nstderr: " + err, e);
            }
        }
    }

    /** A started host process and the files its output goes to. */
    record Running(Process process, List<String> command, Path out, Path err) {
        /** Waits for the process to end; kills it and fails the test after {@code timeout}. */
        Result await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    fail("%s did not finish within %s%n--- stdout:%n%s%n--- stderr:%n%s", String.join(" ", command),
                            timeout, stdout(), stderr());
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + command);
            }
            return new Result(command, process.exitValue(), stdout(), stderr());
        }

        String stdout() {
            return read(out);
        }

        String stderr() {
            return read(err);
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
