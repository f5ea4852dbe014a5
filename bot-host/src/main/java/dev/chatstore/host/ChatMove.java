package dev.chatstore.host;

import dev.chatstore.storage.spi.ChatDigest;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moves one chat between two sources through {@link ChatTransfer}, online: a running {@code serve} may go on
 * storing updates for the chat throughout, and every update it acknowledges ends up in the target exactly once.
 *
 * <ol>
 *   <li><b>copy</b> every row of the chat from one snapshot of the source (a read transaction), digesting the rows
 *       as they pass;</li>
 *   <li><b>verify</b> the copy: the target's per-table row counts and digests must equal the snapshot's (writes the
 *       source took since the snapshot are not compared here; they are the catch-up's);</li>
 *   <li><b>switch</b> the route: the chat's line in {@code [database.chatMapping]} of the config file;</li>
 *   <li><b>wait for serve</b>: every running serve of this config applies the new mapping, finishes the update it
 *       was storing under the old one, then says so in its {@link ServeAck} file. This is a positive
 *       acknowledgement, not a sleep: from then on nothing writes the chat to the source;</li>
 *   <li><b>catch up</b> ({@link ChatCatchUp}): what the source stored after the snapshot is brought over, messages
 *       replayed through the target's normal writes so its counters stay exact; then checked present;</li>
 *   <li><b>delete</b> the chat from the source (unless {@code --keep-source}).</li>
 * </ol>
 *
 * <p>Crash-safe and resumable through the {@link MoveJournal}: the source is never changed before the catch-up is
 * verified; a phase before the switch is redone from the copy on a re-run (after clearing what a killed copy left
 * in the target); after the switch the wait, catch-up and deletion are redone, each idempotent. A failed
 * verification of the copy leaves the source untouched and the route unswitched, naming the table.
 *
 * <p>The target is opened by this mover on its own, writable even when the bot's config marks it readonly (an
 * archive); the bot's own view of that source stays readonly. Not thread-safe; one move at a time per chat.
 */
final class ChatMove {
    static final Duration DEFAULT_SERVE_TIMEOUT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(ChatMove.class);

    private final HostRuntime runtime;
    private final Path configFile;
    private final int batchSize;
    private final Consumer<String> say;
    private final Duration serveTimeout;
    /** The recent rows this run's copy wrote (null when the copy was made by an interrupted run). */
    private ChatCatchUp.Copied copiedRecent;

    ChatMove(HostRuntime runtime, Path configFile, int batchSize, Consumer<String> say) {
        this(runtime, configFile, batchSize, say, DEFAULT_SERVE_TIMEOUT);
    }

    /** @param serveTimeout how long to wait for the running serve processes to apply the switched route */
    ChatMove(HostRuntime runtime, Path configFile, int batchSize, Consumer<String> say, Duration serveTimeout) {
        this.runtime = runtime;
        this.configFile = configFile;
        this.batchSize = batchSize;
        this.say = say;
        this.serveTimeout = serveTimeout;
    }

    /** Runs the move; failures are recorded in the result (outcome "failed", error) as well as thrown. */
    MoveResult move(long chatId, String to, String fromOption, boolean keepSource, boolean dryRun) {
        StorageConfig config = runtime.config();
        MoveResult result = new MoveResult();
        result.chat = chatId;
        result.dryRun = dryRun;
        config.source(to);
        Optional<MoveJournal> journal = MoveJournal.read(configFile, chatId);
        if (journal.isPresent() && !journal.get().to().equals(to)) {
            throw HostFailure.usage("Chat " + chatId + " has an unfinished move from '" + journal.get().from()
                    + "' to '" + journal.get().to() + "' (journal " + journal.get().file() + "); finish it first "
                    + "with move-chat --chat " + chatId + " --to " + journal.get().to());
        }
        String route = config.sourceNameForChat(chatId);
        String from = journal.map(MoveJournal::from).orElse(fromOption != null ? fromOption : route);
        config.source(from);
        result.from = from;
        result.to = to;
        result.resumed = journal.isPresent();
        if (from.equals(to)) {
            result.outcome = "nothing to do";
            say.accept("Chat " + chatId + " is already in source '" + to + "'");
            return result;
        }
        SourceConfig sourceConfig = config.source(from);
        if (sourceConfig.readonly() && !keepSource) {
            throw HostFailure.usage("Source '" + from + "' is readonly: move-chat cannot delete chat " + chatId
                    + " from it; pass --keep-source to copy it and leave the source as it is");
        }
        SourceConfig targetConfig = config.source(to);
        if (targetConfig.readonly()) {
            targetConfig = new SourceConfig(targetConfig.name(), targetConfig.type(), false, targetConfig.poolSize(),
                    targetConfig.timeout(), targetConfig.options());
            result.targetOpenedWritable = true;
            say.accept("Target '" + to + "' is readonly in the config: opened writable for this move only; the "
                    + "bot's own writes to it stay refused");
        }
        try (ChatStore source = runtime.providers().open(sourceConfig);
             ChatStore target = runtime.providers().open(targetConfig)) {
            ChatTransfer sourceTransfer = transfer(source, from);
            ChatTransfer targetTransfer = transfer(target, to);
            if (dryRun) {
                List<ChatDigest.TableDigest> tables = ChatDigest.of(sourceTransfer, chatId);
                long rows = tables.stream().mapToLong(ChatDigest.TableDigest::rows).sum();
                tables.forEach(t -> result.tables.add(new MoveResult.TableCheck(t.table(), t.rows(), -1, false)));
                plan(result, "copy", rows, "would copy " + rows + " rows from '" + from + "' to '" + to + "'");
                plan(result, "verify", 0, "would compare row counts and digests of " + tables.size() + " tables");
                plan(result, "switch", 0, "would set " + chatId + " = \"" + to + "\" in [database.chatMapping] of "
                        + configFile + ", then wait for running serve processes to apply it");
                plan(result, "catch-up", 0, "would bring over what the source stored since the copy");
                plan(result, "delete", 0, keepSource ? "would keep the source (--keep-source)"
                        : "would delete the chat from '" + from + "'");
                result.outcome = "dry run";
                return result;
            }
            if (target instanceof StoreAdmin admin) {
                // A source that was never written has no tables yet (stores migrate before their first write).
                admin.migrate();
            }
            MoveJournal current = journal.orElse(null);
            if (current != null && current.phase() == MoveJournal.Phase.VERIFIED && to.equals(route)) {
                // Killed after the config was edited but before the journal said so.
                current = current.with(MoveJournal.Phase.SWITCHED);
            }
            if (current == null || current.phase().compareTo(MoveJournal.Phase.SWITCHED) < 0) {
                MoveJournal copied = copyAndVerify(result, chatId, sourceTransfer, targetTransfer, current);
                current = copied.with(MoveJournal.Phase.VERIFIED);
                MoveHooks.at("verified");
                ChatMappingEditor.set(configFile, chatId, to);
                MoveHooks.at("switched");
                current = current.with(MoveJournal.Phase.SWITCHED);
                step(result, "switch", "done", 0, "chat " + chatId + " now routes to '" + to + "' ("
                        + configFile.getFileName() + " [database.chatMapping])");
                log.info("Chat {} route switched from '{}' to '{}' in {}", chatId, from, to, configFile);
            } else {
                step(result, "copy", "skipped", 0, "done by the interrupted run");
                step(result, "verify", "skipped", 0, "done by the interrupted run");
                ChatMappingEditor.set(configFile, chatId, to);
                step(result, "switch", "done", 0, "chat " + chatId + " routes to '" + to + "'");
            }
            List<Long> serves = ServeAck.await(configFile, chatId, to, serveTimeout, say);
            MoveHooks.at("acknowledged");
            ChatCatchUp catchUp = new ChatCatchUp(chatId, sourceTransfer, targetTransfer, target,
                    current.copyStarted(), current.copiedMessages(), copiedRecent);
            ChatCatchUp.Outcome caught = catchUp.run();
            catchUp.verify();
            current = current.with(MoveJournal.Phase.CAUGHT_UP);
            step(result, "catch-up", "done", caught.replayed() + caught.imported(), (serves.isEmpty()
                    ? "no serve running" : "serve process(es) " + serves + " applied the route") + "; "
                    + caught.replayed() + " messages replayed and " + caught.imported() + " other rows brought over "
                    + "that '" + from + "' stored since the copy");
            MoveHooks.at("caught-up");
            if (keepSource) {
                step(result, "delete", "skipped", 0, "--keep-source: the chat stays in '" + from + "'");
            } else {
                long deleted = sourceTransfer.deleteChat(chatId);
                MoveHooks.at("deleted");
                step(result, "delete", "done", deleted, deleted + " rows deleted from '" + from + "'");
            }
            current.delete();
            result.outcome = "moved";
            return result;
        } catch (RuntimeException e) {
            result.outcome = "failed";
            result.error = Errors.oneLine(e);
            throw e;
        }
    }

    /** @return the journal of the verified copy (phase still COPYING) */
    private MoveJournal copyAndVerify(MoveResult result, long chatId, ChatTransfer source, ChatTransfer target,
                                  MoveJournal interrupted) {
        List<ChatDigest.TableDigest> existing = ChatDigest.of(target, chatId);
        long leftovers = existing.stream().filter(t -> !t.table().equals("media_attachments"))
                .mapToLong(ChatDigest.TableDigest::rows).sum();
        if (leftovers > 0) {
            if (interrupted == null) {
                throw new StorageException("Target '" + result.to + "' already holds " + leftovers + " rows of chat "
                        + chatId + " (" + describe(existing) + "); move-chat copies into a target without the chat. "
                        + "Delete the chat there first, or move it to another source");
            }
            long cleared = target.deleteChat(chatId);
            say.accept("Cleared " + cleared + " rows an interrupted copy left in '" + result.to + "'");
        }
        // Before the snapshot opens, so the catch-up's "stored since" cannot miss a row of the gap.
        Instant copyStarted = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        MoveJournal journal = new MoveJournal(MoveJournal.fileFor(configFile, chatId), chatId, result.from,
                result.to, MoveJournal.Phase.COPYING, copyStarted, -1);
        journal.write();
        long[] copied = {0};
        ChatDigest snapshot = new ChatDigest();
        copiedRecent = new ChatCatchUp.Copied(copyStarted);
        try (Progress progress = Progress.start("Copying chat " + chatId, -1, "rows")) {
            source.exportChat(chatId, batchSize, (table, rows) -> {
                snapshot.accept(table, rows);
                copiedRecent.accept(table, rows);
                target.importRows(table, rows);
                copied[0] += rows.size();
                progress.stepTo(copied[0]);
                MoveHooks.at("copying");
            });
        }
        step(result, "copy", "done", copied[0], copied[0] + " rows copied from '" + result.from + "' to '"
                + result.to + "'");
        MoveHooks.at("copied");
        List<ChatDigest.TableDigest> sourceDigest;
        List<ChatDigest.TableDigest> targetDigest;
        try (Progress progress = Progress.start("Verifying chat " + chatId, 1, "sources")) {
            sourceDigest = snapshot.tables();
            targetDigest = ChatDigest.of(target, chatId);
            progress.step();
        }
        String firstDifferent = null;
        for (int i = 0; i < sourceDigest.size(); i++) {
            ChatDigest.TableDigest s = sourceDigest.get(i);
            ChatDigest.TableDigest t = targetDigest.get(i);
            boolean equal = s.equals(new ChatDigest.TableDigest(s.table(), t.rows(), t.digest()));
            result.tables.add(new MoveResult.TableCheck(s.table(), s.rows(), t.rows(), equal));
            if (!equal && firstDifferent == null) {
                firstDifferent = s.table() + " (source " + s.rows() + " rows, target " + t.rows() + " rows"
                        + (s.rows() == t.rows() ? ", contents differ" : "") + ")";
            }
        }
        if (firstDifferent != null) {
            step(result, "verify", "failed", 0, "table " + firstDifferent + " differs");
            throw new StorageException("Verification of chat " + chatId + " failed: table " + firstDifferent
                    + " differs between the copy read from '" + result.from + "' and what '" + result.to + "' holds "
                    + "now. The source is untouched and the route was not switched; something else wrote the chat "
                    + "into the target during the copy: stop that, then run move-chat again (it copies anew)");
        }
        long rows = sourceDigest.stream().mapToLong(ChatDigest.TableDigest::rows).sum();
        step(result, "verify", "done", rows, sourceDigest.size() + " tables equal (" + rows + " rows)");
        long messages = sourceDigest.stream().filter(t -> t.table().equals("chat_messages"))
                .mapToLong(ChatDigest.TableDigest::rows).sum();
        return new MoveJournal(journal.file(), chatId, result.from, result.to, MoveJournal.Phase.COPYING,
                copyStarted, messages);
    }

    private static String describe(List<ChatDigest.TableDigest> tables) {
        return String.join(", ", tables.stream().filter(t -> t.rows() > 0).map(t -> t.table() + " " + t.rows())
                .toList());
    }

    private static ChatTransfer transfer(ChatStore store, String name) {
        if (store instanceof ChatTransfer transfer) {
            return transfer;
        }
        throw HostFailure.usage("Source '" + name + "' (" + store + ") cannot move chats: its backend offers no "
                + "ChatTransfer");
    }

    private void plan(MoveResult result, String step, long rows, String detail) {
        step(result, step, "planned", rows, detail);
    }

    private void step(MoveResult result, String step, String status, long rows, String detail) {
        result.steps.add(new MoveResult.Step(step, status, rows, detail));
        say.accept(step + ": " + detail);
    }
}
