package dev.chatstore.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Runs the built {@code bot-host.jar} as an operator does, with the SQLite plugin zip copied into a plugins folder. */
final class HostProcess {
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private HostProcess() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("chatstore.host.jar", "../bot-host/target/bot-host.jar"));
        if (!Files.isRegularFile(jar)) {
            fail("The host jar " + jar.toAbsolutePath() + " is missing; build it first: "
                    + "mvn -B -pl storage-api,storage-testkit,storage-routing,storage-sqlite-plugin,bot-host install -DskipTests");
        }
        return jar.toAbsolutePath();
    }

    static Path pluginZip() {
        Path zip = Path.of(System.getProperty("plugin.zip", "../plugins/storage-sqlite-plugin.zip"));
        if (!Files.isRegularFile(zip)) {
            fail("The SQLite plugin zip " + zip.toAbsolutePath() + " is missing; build it with: "
                    + "mvn -B -pl storage-sqlite-plugin package -DskipTests");
        }
        return zip.toAbsolutePath();
    }

    /** A fresh {@code folder/plugins} holding a copy of the built SQLite plugin. */
    static Path sqlitePlugins(Path folder) {
        try {
            Path plugins = Files.createDirectories(folder.resolve("plugins"));
            Files.copy(pluginZip(), plugins.resolve("storage-sqlite-plugin.zip"), StandardCopyOption.REPLACE_EXISTING);
            return plugins;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code [prefix] java [jvmOptions] -jar bot-host.jar args} in {@code workDir}, run to its end. */
    static Result run(Path workDir, List<String> prefix, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(ChildJvm.javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        try (ChildJvm child = ChildJvm.start(command, workDir)) {
            int exit = child.awaitExit(TIMEOUT);
            return new Result(String.join(" ", command), exit, String.join("\n", child.lines()), child.stderr());
        }
    }

    record Result(String command, int exitCode, String out, String err) {
        Result exits(int expected) {
            assertThat(exitCode).as("exit code of %s%n--- stdout:%n%s%n--- stderr:%n%s", command, out, err)
                    .isEqualTo(expected);
            return this;
        }

        /** The {@code Error: ...} line the host prints on failure. */
        String errorLine() {
            return err.lines().filter(line -> line.startsWith("Error: ")).findFirst()
                    .orElseGet(() -> fail("no Error: line in stderr of %s:%n%s", command, err));
        }
    }
}
