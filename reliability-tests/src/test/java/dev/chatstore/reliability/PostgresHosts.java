package dev.chatstore.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the built host jar with both plugin zips (SQLite and PostgreSQL) in a plugins folder, with an environment of
 * the test's choosing (for {@code password-env}), and writes Telegram update files for it.
 */
final class PostgresHosts {
    private PostgresHosts() {
    }

    /** A fresh {@code folder/plugins} holding copies of both built plugin zips. */
    static Path bothPlugins(Path folder) {
        Path plugins = HostProcess.sqlitePlugins(folder);
        Path zip = Path.of(System.getProperty("postgres.plugin.zip", "../plugins/storage-postgres-plugin.zip"));
        if (!Files.isRegularFile(zip)) {
            fail("The PostgreSQL plugin zip " + zip.toAbsolutePath() + " is missing; build it with: "
                    + "mvn -B -pl storage-postgres-plugin -am package -DskipTests");
        }
        try {
            Files.copy(zip, plugins.resolve("storage-postgres-plugin.zip"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return plugins;
    }

    /** A started host process; {@link #await()} waits for its end. */
    record Running(List<String> command, Process process, Path out, Path err) {
        HostProcess.Result await() {
            try {
                if (!process.waitFor(HostProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("%s did not finish within %s", command, HostProcess.TIMEOUT);
                }
                return new HostProcess.Result(String.join(" ", command), process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Running start(Path workDir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaBinary(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", HostProcess.jar().toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(workDir, "host-", ".out");
            Path err = Files.createTempFile(workDir, "host-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            return new Running(command, builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostProcess.Result run(Path workDir, Map<String, String> env, String... args) {
        return start(workDir, env, args).await();
    }

    /**
     * Text messages {@code from..to-1} (update id = message id), spread over {@code chats} supergroups and
     * {@code users} users, one per line.
     */
    static Path updates(Path file, int from, int to, int chats, int users) {
        StringBuilder lines = new StringBuilder();
        long t0 = Instant.parse("2024-03-01T23:00:00Z").getEpochSecond();
        for (int n = from; n < to; n++) {
            long chat = -1001000000000L - n % chats;
            long user = 500000000L + n % users;
            lines.append("{\"update_id\":").append(n).append(",\"message\":{\"message_id\":").append(n)
                    .append(",\"date\":").append(t0 + n).append(",\"chat\":{\"id\":").append(chat)
                    .append(",\"title\":\"Group ").append(n % chats).append("\",\"type\":\"supergroup\"},")
                    .append("\"from\":{\"id\":").append(user).append(",\"is_bot\":false,\"first_name\":\"User ")
                    .append(n % users).append("\",\"username\":\"user").append(n % users).append("\"},")
                    .append("\"text\":\"message ").append(n).append("\"}}\n");
        }
        try {
            return Files.writeString(file, lines.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertNoSecret(HostProcess.Result result, String secret) {
        assertThat(result.out()).as("stdout of %s", result.command()).doesNotContain(secret);
        assertThat(result.err()).as("stderr of %s", result.command()).doesNotContain(secret);
    }
}
