package dev.chatstore.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A child JVM started by a test: its stdout is read line by line as it comes (only whole lines count), stderr goes
 * to a file. The class path is this JVM's own (the ITs run with {@code useManifestOnlyJar=false}), unless given.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> command;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private final Path stderr;

    private ChildJvm(Process process, List<String> command, Path stderr) {
        this.process = process;
        this.command = command;
        this.stderr = stderr;
        this.reader = new Thread(this::readLines, "child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java [jvmOptions] -cp <this class path> mainClass args}, optionally run through {@code prefix}. */
    static ChildJvm start(List<String> prefix, List<String> jvmOptions, String classPath, Class<?> mainClass,
            Path workDir, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(javaBinary());
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass.getName()));
        command.addAll(List.of(args));
        return start(command, workDir);
    }

    static ChildJvm start(Class<?> mainClass, Path workDir, String... args) {
        return start(List.of(), List.of(), System.getProperty("java.class.path"), mainClass, workDir, args);
    }

    static ChildJvm start(List<String> command, Path workDir) {
        try {
            Path err = Files.createTempFile(workDir, "child-", ".err");
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectError(err.toFile()).start();
            return new ChildJvm(process, command, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            // readLine() would also return a last line cut short by the kill; only newline-terminated lines count.
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read stays
        }
    }

    Process process() {
        return process;
    }

    /** Whole lines read so far. */
    List<String> lines() {
        return lines;
    }

    /** Waits until a whole line equal to {@code expected} (or starting with it) has been read. */
    String awaitLine(String expectedPrefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (line.startsWith(expectedPrefix)) {
                    return line;
                }
            }
            if (!process.isAlive() && !reader.isAlive()) {
                break;
            }
            sleep(10);
        }
        return fail("%s printed no line starting with '%s' within %s; stdout: %s; stderr: %s",
                String.join(" ", command), expectedPrefix, timeout, lines, stderr());
    }

    /** SIGKILL, then waits for the process and for the last of its output. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Waits for the process to end and its output to be read; returns the exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("%s did not exit within %s; stdout: %s; stderr: %s", String.join(" ", command), timeout, lines,
                        stderr());
            }
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            fail("interrupted");
        }
        return process.exitValue();
    }

    String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    String commandLine() {
        return String.join(" ", command);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
