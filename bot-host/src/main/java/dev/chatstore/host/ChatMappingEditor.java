package dev.chatstore.host;

import dev.chatstore.storage.spi.StorageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets one chat's line in {@code [database.chatMapping]} of a TOML config file, leaving every other line (comments,
 * order, blank lines, the rest of the table) exactly as it was: tomlj only reads, so this is a small line editor.
 * An existing line for the chat (bare or quoted key) has its value replaced, keeping a trailing comment; otherwise a
 * line is added after the table's last key line, or a new table at the end of the file. The file is replaced
 * atomically (written next to it, then renamed), so a reader (a running {@code serve}) sees the old file or the new
 * one, never half. Not thread-safe; one mover edits a file at a time.
 */
final class ChatMappingEditor {
    private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\s*([^\\[\\]]+?)\\s*]\\s*(#.*)?$");
    private static final Pattern KEY_LINE = Pattern.compile(
            "^(\\s*)(\"?)([+-]?\\d+)\\2(\\s*=\\s*)(\"[^\"]*\"|'[^']*')(\\s*(#.*)?)$");
    private static final Pattern ANY_KEY_LINE = Pattern.compile("^\\s*[\"']?[^#\\s\\[][^=]*=.*$");
    private static final Pattern INLINE_MAPPING = Pattern.compile("^\\s*chatMapping\\s*=.*$");

    private ChatMappingEditor() {
    }

    /** The edited text: {@code chatId = "source"} in {@code [database.chatMapping]}. */
    static String set(String text, long chatId, String source) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        boolean endsWithNewline = text.isEmpty() || text.endsWith("\n");
        if (endsWithNewline && !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        String value = "\"" + source + "\"";
        String table = null;
        int tableHeader = -1;
        int lastKeyLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                table = header.group(1).replace(" ", "");
                if (table.equals("database.chatMapping")) {
                    tableHeader = i;
                    lastKeyLine = i;
                }
                continue;
            }
            if ("database".equals(table) && INLINE_MAPPING.matcher(line).matches()) {
                throw new StorageException("The config writes chatMapping inline in [database] (line " + (i + 1)
                        + "); move-chat edits a [database.chatMapping] table. Rewrite the mapping as a table: "
                        + "[database.chatMapping] with one line per chat, for example -1001234567890 = \"archive\"");
            }
            if (!"database.chatMapping".equals(table)) {
                continue;
            }
            Matcher key = KEY_LINE.matcher(line);
            if (key.matches() && Long.parseLong(key.group(3)) == chatId) {
                lines.set(i, key.group(1) + key.group(2) + key.group(3) + key.group(2) + key.group(4) + value
                        + key.group(6));
                return join(lines, newline, endsWithNewline);
            }
            if (ANY_KEY_LINE.matcher(line).matches()) {
                lastKeyLine = i;
            }
        }
        String entry = chatId + " = " + value;
        if (tableHeader >= 0) {
            lines.add(lastKeyLine + 1, entry);
        } else {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("[database.chatMapping]");
            lines.add(entry);
        }
        return join(lines, newline, true);
    }

    /**
     * Sets the chat's line in {@code file}, atomically.
     *
     * @throws StorageException naming the file when it cannot be read or written
     */
    static void set(Path file, long chatId, String source) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String edited = set(text, chatId, source);
            if (edited.equals(text)) {
                return;
            }
            Path temporary = file.resolveSibling("." + file.getFileName() + ".editing");
            Files.writeString(temporary, edited, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot write chat " + chatId + "'s route into " + file + ": " + e
                    + "; make the config file and its folder writable for this process", e);
        }
    }

    private static String join(List<String> lines, String newline, boolean endWithNewline) {
        String joined = String.join(newline, lines);
        return endWithNewline ? joined + newline : joined;
    }
}
