package dev.chatstore.host;

import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The acknowledgement a running {@code serve} gives that it has applied a chat mapping: a small file next to its
 * config ({@code .<config file>.serve-<pid>}) holding the mapping in force, written once the mapping is swapped in
 * <em>and</em> every update that was being stored under the previous mapping has finished. A {@code move-chat}
 * waits for it ({@link #await}) after switching a chat's route: from then on no serve writes the chat to the old
 * source, so the mover can catch up what the source received after the copy and delete it.
 *
 * <p>A serve removes its file when it stops; a file whose process is gone (killed with SIGKILL) is ignored, so
 * a crashed serve never blocks a move. Writing is atomic (rename), so a reader sees a whole file.
 * Thread-safe for one writer: {@link #applied} and {@link #close} are called by the reload thread and the shutdown
 * hook, which the callers serialise.
 */
final class ServeAck implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServeAck.class);
    private static final String DEFAULT_KEY = "default";
    private static final String CHAT_PREFIX = "chat.";

    private final Path file;

    private ServeAck(Path file) {
        this.file = file;
    }

    /** The acknowledgement file of this process for {@code configFile}. */
    static ServeAck of(Path configFile) {
        Path real = real(configFile);
        return new ServeAck(real.resolveSibling(prefix(real) + ProcessHandle.current().pid()));
    }

    /** Serve and mover may name the config differently (relative, through a link): both use its real path. */
    private static Path real(Path configFile) {
        try {
            return configFile.toRealPath();
        } catch (IOException e) {
            return configFile.toAbsolutePath();
        }
    }

    private static String prefix(Path configFile) {
        return "." + configFile.getFileName() + ".serve-";
    }

    /** Records that {@code config}'s mapping is in force and nothing is still written under an older one. */
    synchronized void applied(StorageConfig config) {
        Properties properties = new Properties();
        properties.setProperty(DEFAULT_KEY, config.defaultSource());
        config.chatMapping().forEach((chat, source) -> properties.setProperty(CHAT_PREFIX + chat, source));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "chat mapping applied by serve (pid " + ProcessHandle.current().pid()
                        + "); read by move-chat");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // A move-chat then waits for this serve and fails naming it; serving itself is not affected.
            log.error("Cannot write {} (the acknowledgement move-chat waits for): {}; make the config file's folder "
                    + "writable", file, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file, e.toString());
        }
    }

    /**
     * Waits until every running serve of {@code configFile} routes {@code chatId} to {@code to} and has finished
     * the writes it began under an older mapping.
     *
     * @return the process ids waited for
     * @throws StorageException naming the serves that did not acknowledge within {@code timeout}
     */
    static List<Long> await(Path config, long chatId, String to, Duration timeout, Consumer<String> say) {
        Path configFile = real(config);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> waitedFor = new ArrayList<>();
        boolean told = false;
        while (true) {
            List<Long> behind = new ArrayList<>();
            for (Map.Entry<Long, Optional<String>> serve : routes(configFile, chatId).entrySet()) {
                if (!waitedFor.contains(serve.getKey())) {
                    waitedFor.add(serve.getKey());
                }
                if (!serve.getValue().map(to::equals).orElse(false)) {
                    behind.add(serve.getKey());
                }
            }
            if (behind.isEmpty()) {
                return waitedFor;
            }
            if (!told) {
                say.accept("Waiting for the running serve process(es) " + behind + " to apply the new route");
                told = true;
            }
            if (System.nanoTime() > deadline) {
                throw new StorageException("The running serve process(es) " + behind + " did not apply chat "
                        + chatId + "'s route to '" + to + "' within " + timeout.toSeconds() + " s (their "
                        + prefix(configFile) + "<pid> files next to " + configFile + " show the mapping they use). "
                        + "The route is switched and the source still holds the chat: look at those processes' logs "
                        + "(a refused config reload?), send them SIGHUP, then run move-chat again to finish");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("Interrupted waiting for serve to apply chat " + chatId + "'s route; "
                        + "run move-chat again to finish the move", e);
            }
        }
    }

    /** Per live serve process: where it routes the chat, or empty when its file cannot be read yet. */
    private static Map<Long, Optional<String>> routes(Path configFile, long chatId) {
        Map<Long, Optional<String>> routes = new java.util.TreeMap<>();
        Path folder = configFile.getParent();
        String prefix = prefix(configFile);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, prefix + "*")) {
            for (Path file : files) {
                String pid = file.getFileName().toString().substring(prefix.length());
                if (!pid.chars().allMatch(Character::isDigit) || pid.isEmpty()) {
                    continue;
                }
                long id = Long.parseLong(pid);
                if (ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false)) {
                    routes.put(id, route(file, chatId));
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot list " + folder + " for running serve processes: " + e
                    + "; the config file's folder must be readable for move-chat", e);
        }
        return routes;
    }

    private static Optional<String> route(Path file, long chatId) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        String mapped = properties.getProperty(CHAT_PREFIX + chatId);
        return Optional.ofNullable(mapped != null ? mapped : properties.getProperty(DEFAULT_KEY));
    }
}
