package dev.chatstore.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the numbers were measured on, read from {@code /proc} and {@code /etc/os-release} where they exist. */
record Machine(int cores, String cpu, String memory, String os, String kernel) {
    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                field(Path.of("/proc/cpuinfo"), "model name", ":").orElse(System.getProperty("os.arch")),
                field(Path.of("/proc/meminfo"), "MemTotal", ":").map(Machine::gib).orElse("unknown"),
                field(Path.of("/etc/os-release"), "PRETTY_NAME", "=").map(v -> v.replace("\"", ""))
                        .orElse(System.getProperty("os.name")),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    private static Optional<String> field(Path file, String key, String separator) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(separator) + 1).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String gib(String memTotal) {
        try {
            long kib = Long.parseLong(memTotal.replace("kB", "").trim());
            return String.format("%.0f GiB", kib / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }
}
