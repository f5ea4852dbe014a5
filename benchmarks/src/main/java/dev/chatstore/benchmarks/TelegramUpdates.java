package dev.chatstore.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A large update stream made from the repository's sample: the sample repeated, each copy with its message ids,
 * update ids and dates shifted, so every copy's messages are new rows (edits, replies and callbacks inside a copy
 * still point at that copy's messages).
 */
final class TelegramUpdates {
    private static final Pattern IDS = Pattern.compile("\"(message_id|update_id|date|edit_date)\":(\\d+)");
    private static final long ID_SHIFT = 1_000_000;
    private static final long SECONDS_SHIFT = 900;

    private TelegramUpdates() {
    }

    /** The sample, from {@code -Dchatstore.sample=...} or found from the working directory upwards. */
    static Path sample() {
        String configured = System.getProperty("chatstore.sample");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("samples/telegram-updates.jsonl");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("samples/telegram-updates.jsonl not found above " + Path.of("").toAbsolutePath()
                + "; run from the repository or pass -Dchatstore.sample=PATH");
    }

    /** Writes exactly {@code count} update lines to {@code target}. */
    static void write(Path sample, Path target, int count) {
        try {
            List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
            try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                for (int i = 0; i < count; i++) {
                    out.write(shift(lines.get(i % lines.size()), i / lines.size()));
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shift(String line, long copy) {
        if (copy == 0) {
            return line;
        }
        Matcher matcher = IDS.matcher(line);
        StringBuilder out = new StringBuilder(line.length() + 16);
        while (matcher.find()) {
            long value = Long.parseLong(matcher.group(2));
            long shift = matcher.group(1).endsWith("date") ? copy * SECONDS_SHIFT : copy * ID_SHIFT;
            matcher.appendReplacement(out, "\"" + matcher.group(1) + "\":" + (value + shift));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
