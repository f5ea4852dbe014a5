package dev.chatstore.host;

import dev.chatstore.storage.config.StorageConfigReader;
import dev.chatstore.storage.config.TomlDocument;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies {@code [database.chatMapping]} edits of the config file to a running {@code serve} without a restart:
 * the file is checked every {@link #INTERVAL} (modification time and size; a {@code move-chat} replaces it
 * atomically) and on SIGHUP. A changed file is read and validated like at start; when valid, the new mapping is
 * swapped in ({@link Storage#replaceChatMapping}) and each changed chat is logged; when invalid, its errors are
 * logged and the running mapping is kept. Changes to anything but the mapping (sources, default) are logged as
 * needing a restart and not applied. Thread-safe: checks run on one daemon thread (SIGHUP runs one at once,
 * serialized by this object's lock).
 *
 * <p>After each reload (and once at start, which also applies an edit made since the config was first read) the
 * reloader runs the {@code drain} it was given (serve passes one that
 * returns once the update being stored, routed under the previous mapping, has finished) and then writes its
 * {@link ServeAck}: the positive acknowledgement a {@code move-chat} waits for before it catches up and deletes the
 * chat from its old source.
 *
 * <p>{@code CHATSTORE_TEST_MAPPING_POLL_MS} in the environment replaces the poll interval (a test hook, for testing
 * SIGHUP with polling out of the way).
 */
final class MappingReloader implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMillis(500);
    private static final String POLL_HOOK = "CHATSTORE_TEST_MAPPING_POLL_MS";
    private static final Logger log = LoggerFactory.getLogger(MappingReloader.class);

    private final Path file;
    private final HostRuntime runtime;
    private final ScheduledExecutorService timer;
    private final Runnable drain;
    private final ServeAck ack;
    private FileTime lastModified;
    private long lastSize;

    private MappingReloader(Path file, HostRuntime runtime, Runnable drain) {
        this.file = file;
        this.runtime = runtime;
        this.drain = drain;
        this.ack = ServeAck.of(file);
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "config-reload");
            thread.setDaemon(true);
            return thread;
        });
        remember();
    }

    /**
     * Starts watching the config file of {@code runtime}; nothing to watch in the single-file form.
     *
     * @param drain returns once every write begun under the mapping in force before the last swap has finished
     */
    static MappingReloader start(Path configFile, HostRuntime runtime, Runnable drain) {
        MappingReloader reloader = new MappingReloader(configFile, runtime, drain);
        long interval = pollInterval();
        reloader.ack.applied(runtime.storage().config());
        // An edit made since the config was read at start (a move's switch) applies now, then is acknowledged.
        reloader.reload("start");
        reloader.timer.scheduleWithFixedDelay(reloader::checkQuietly, interval, interval, TimeUnit.MILLISECONDS);
        reloader.onSighup();
        log.info("Watching {} for chat mapping changes (every {} ms, or at once on SIGHUP)", configFile, interval);
        return reloader;
    }

    private static long pollInterval() {
        String hook = System.getenv(POLL_HOOK);
        return hook != null && hook.matches("\\d{1,9}") && Long.parseLong(hook) > 0 ? Long.parseLong(hook)
                : INTERVAL.toMillis();
    }

    @SuppressWarnings("restriction")
    private void onSighup() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> timer.execute(() -> reload("SIGHUP")));
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            log.info("SIGHUP is not available here ({}); the config file is still checked every {} ms", e,
                    INTERVAL.toMillis());
        }
    }

    private void checkQuietly() {
        try {
            if (changed()) {
                reload("file changed");
            }
        } catch (RuntimeException e) {
            log.error("Checking {} for mapping changes failed; the running mapping is kept", file, e);
        }
    }

    private boolean changed() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            return !modified.equals(lastModified) || size != lastSize;
        } catch (IOException e) {
            return false;
        }
    }

    private void remember() {
        try {
            lastModified = Files.getLastModifiedTime(file);
            lastSize = Files.size(file);
        } catch (IOException e) {
            lastModified = null;
            lastSize = -1;
        }
    }

    /** Reads the file and applies its mapping, or logs why not. */
    synchronized void reload(String why) {
        remember();
        Storage storage = runtime.storage();
        StorageConfig running = storage.config();
        StorageConfig read;
        try {
            read = StorageConfigReader.read(TomlDocument.read(file), runtime.providers().keys());
        } catch (StorageConfigException e) {
            log.error("Config reload ({}) refused: {} has {} problem(s); the running chat mapping is kept:{}", why,
                    file, e.problems().size(), "\n  " + String.join("\n  ", e.problems()));
            return;
        } catch (RuntimeException e) {
            log.error("Config reload ({}) refused: cannot read {}: {}; the running chat mapping is kept", why, file,
                    Errors.oneLine(e));
            return;
        }
        if (!sameSources(running, read)) {
            log.warn("Config reload ({}): {} changes sources or the default source; those apply at the next start "
                    + "(only [database.chatMapping] is applied while running)", why, file);
        }
        Map<Long, String> before = running.chatMapping();
        Map<Long, String> after = read.chatMapping();
        if (before.equals(after)) {
            log.info("Config reload ({}): chat mapping unchanged ({} chats)", why, after.size());
            ack.applied(storage.config());
            return;
        }
        try {
            storage.replaceChatMapping(after);
        } catch (StorageConfigException e) {
            log.error("Config reload ({}) refused: the new chat mapping names sources this process did not open "
                    + "(restart to add sources); the running chat mapping is kept:{}", why,
                    "\n  " + String.join("\n  ", e.problems()));
            return;
        }
        Set<Long> chats = new LinkedHashSet<>(before.keySet());
        chats.addAll(after.keySet());
        for (long chat : chats) {
            String was = before.get(chat);
            String now = after.get(chat);
            if (!Objects.equals(was, now)) {
                log.info("Chat mapping changed ({}): chat {} now routes to '{}' (was '{}'{})", why, chat,
                        now != null ? now : running.defaultSource(), was != null ? was : running.defaultSource(),
                        was == null ? ", the default" : now == null ? "; unmapped, so the default" : "");
            }
        }
        drain.run();
        ack.applied(storage.config());
    }

    private static boolean sameSources(StorageConfig running, StorageConfig read) {
        // The whole source records, options included: location() hides a url's query string, which may change.
        return running.sources().equals(read.sources()) && running.defaultSource().equals(read.defaultSource());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        ack.close();
    }
}
