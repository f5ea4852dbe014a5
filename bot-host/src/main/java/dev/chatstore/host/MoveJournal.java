package dev.chatstore.host;

import dev.chatstore.storage.spi.StorageException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What a move of one chat has done so far, in a small file next to the config
 * ({@code .<config file>.move-<chat>}), so a mover killed at any point can be run again and finish: a phase before
 * {@link Phase#SWITCHED} is redone from the copy (the source is still complete: nothing is deleted before the
 * switch); from {@code SWITCHED} on the route stays switched and the rest (wait for serve, catch up, delete) is
 * redone, each step being idempotent. Written atomically; removed when the move is done.
 *
 * @param from  the source the chat is moved from
 * @param to    the target
 * @param phase       the last phase completed (or begun, for {@link Phase#COPYING})
 * @param copyStarted when the copy's snapshot was taken, by this machine's clock: rows the source stored later
 *                    are what the catch-up looks for
 * @param copiedMessages the number of messages the copy wrote (-1 while copying): the source's count beyond it is
 *                    what the catch-up replays
 */
record MoveJournal(Path file, long chatId, String from, String to, Phase phase, Instant copyStarted,
                   long copiedMessages) {
    /** Phases in order. */
    enum Phase {
        COPYING, VERIFIED, SWITCHED, CAUGHT_UP
    }

    static Path fileFor(Path configFile, long chatId) {
        return configFile.resolveSibling("." + configFile.getFileName() + ".move-" + chatId);
    }

    static Optional<MoveJournal> read(Path configFile, long chatId) {
        Path file = fileFor(configFile, chatId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new MoveJournal(file, chatId, properties.getProperty("from"),
                    properties.getProperty("to"), Phase.valueOf(properties.getProperty("phase")),
                    Instant.ofEpochSecond(Long.parseLong(properties.getProperty("copy-started"))),
                    Long.parseLong(properties.getProperty("copied-messages"))));
        } catch (IOException | RuntimeException e) {
            throw new StorageException("Cannot read the move journal " + file + " of chat " + chatId + ": " + e
                    + "; it records an unfinished move: fix or delete it (the source still holds the chat unless "
                    + "its phase was SWITCHED)", e);
        }
    }

    MoveJournal with(Phase next) {
        MoveJournal journal = new MoveJournal(file, chatId, from, to, next, copyStarted, copiedMessages);
        journal.write();
        return journal;
    }

    void write() {
        Properties properties = new Properties();
        properties.setProperty("from", from);
        properties.setProperty("to", to);
        properties.setProperty("phase", phase.name());
        properties.setProperty("copy-started", Long.toString(copyStarted.getEpochSecond()));
        properties.setProperty("copied-messages", Long.toString(copiedMessages));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "chatstore move-chat journal of chat " + chatId + "; do not edit");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageException("Cannot write the move journal " + file + ": " + e
                    + "; the config file's folder must be writable for move-chat", e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StorageException("Cannot delete the finished move journal " + file + ": " + e, e);
        }
    }
}
