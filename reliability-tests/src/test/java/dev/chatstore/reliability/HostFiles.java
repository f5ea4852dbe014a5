package dev.chatstore.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A folder with a plugins copy and a config, for running the built host against files the test watches. */
final class HostFiles {
    final Path dir;
    final Path plugins;

    HostFiles(Path dir) {
        this.dir = dir;
        this.plugins = HostProcess.sqlitePlugins(dir);
    }

    /** Writes {@code bot.toml}: {@code primary} writable at {@code primaryPath}, and an optional readonly archive. */
    Path config(String primaryPath, String archivePath) {
        StringBuilder toml = new StringBuilder("[database]\ndefault = \"primary\"\n\n[database.sources.primary]\n")
                .append("path = \"").append(primaryPath).append("\"\n");
        if (archivePath != null) {
            toml.append("\n[database.sources.archive]\npath = \"").append(archivePath).append("\"\nreadonly = true\n");
        }
        return write("bot.toml", toml.toString());
    }

    Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the host with {@code --config} (when given) and this folder's plugins. */
    HostProcess.Result host(Path config, String... args) {
        List<String> all = new ArrayList<>();
        if (config != null) {
            all.addAll(List.of("--config", config.toString()));
        }
        all.addAll(List.of("--plugins", plugins.toString()));
        all.addAll(List.of(args));
        return HostProcess.run(dir, List.of(), List.of(), all.toArray(String[]::new));
    }

    /** One Telegram update with a text message, as a JSON line. */
    static String update(long updateId, long chatId, String chatTitle, long messageId, String from, String extra) {
        return String.format("{\"update_id\": %d, \"message\": {\"message_id\": %d, \"date\": 1718870490, "
                + "\"text\": \"m%d\", \"from\": %s, \"chat\": {\"id\": %d, \"title\": \"%s\", \"type\": \"group\"}%s}}",
                updateId, messageId, messageId, from, chatId, chatTitle, extra == null ? "" : ", " + extra);
    }

    static final String ALICE = "{\"id\": 1001, \"is_bot\": false, \"first_name\": \"Alice\", \"last_name\": "
            + "\"Liddell\", \"username\": \"alice\"}";
    static final String BOB = "{\"id\": 1002, \"is_bot\": false, \"first_name\": \"Bob\"}";
}
