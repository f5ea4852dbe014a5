package dev.chatstore.host.telegram;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.StorageException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The messages of one batch bound for one source, written with one {@code addChatMessages} call for new messages
 * and one for edits of messages not in the batch. Repeats and edits of a message in the batch follow the fate of
 * its write, so every update is counted once: stored, duplicate, edited, refused or failed. Not thread-safe.
 */
final class SourceBatch {
    private record MessageKey(long chatId, String messageId) {
        @Override
        public int hashCode() {
            return Keys.mix(chatId, messageId.hashCode());
        }
    }

    /** A message to write and the updates whose fate follows from it (repeats and edits of it in the batch). */
    private static final class Slot {
        final ChatMessage message;
        final List<Long> lines = new ArrayList<>(1);
        /** Parallel to {@code lines}: null for the update that carries the message, else what a follower is. */
        final List<IngestResult.Outcome> followers = new ArrayList<>(1);
        long repeats;
        long edits;

        Slot(long line, ChatMessage message) {
            this.message = message;
            lines.add(line);
            followers.add(null);
        }

        void follow(long line, IngestResult.Outcome outcome) {
            lines.add(line);
            followers.add(outcome);
        }
    }

    private final ChatStore store;
    private final String source;
    private final Map<MessageKey, Slot> originals = new LinkedHashMap<>();
    private final Map<MessageKey, Slot> edits = new LinkedHashMap<>();

    SourceBatch(ChatStore store, String source) {
        this.store = store;
        this.source = source;
    }

    void add(long line, ChatMessage message, boolean isEdit) {
        MessageKey key = new MessageKey(message.chatId(), message.messageId());
        Slot original = originals.get(key);
        if (original != null) {
            original.follow(line, isEdit ? IngestResult.Outcome.EDITED : IngestResult.Outcome.DUPLICATE);
            if (isEdit) {
                original.edits++;
            } else {
                original.repeats++;
            }
            return;
        }
        Slot edit = edits.get(key);
        if (isEdit && edit != null) {
            edit.follow(line, IngestResult.Outcome.EDITED);
            edit.edits++;
            return;
        }
        Slot slot = new Slot(line, message);
        if (isEdit) {
            edits.put(key, slot);
            return;
        }
        originals.put(key, slot);
        if (edit != null) {
            // The edit came before its original in this batch: the original is the version to keep.
            edits.remove(key);
            for (long editLine : edit.lines) {
                slot.follow(editLine, IngestResult.Outcome.EDITED);
            }
            slot.edits += 1 + edit.edits;
        }
    }

    void write(IngestRun run) {
        write(new ArrayList<>(originals.values()), false, run);
        write(new ArrayList<>(edits.values()), true, run);
    }

    private void write(List<Slot> slots, boolean areEdits, IngestRun run) {
        if (slots.isEmpty()) {
            return;
        }
        List<ChatMessage> messages = new ArrayList<>(slots.size());
        long repeats = 0;
        long editsOfBatched = 0;
        for (Slot slot : slots) {
            messages.add(slot.message);
            repeats += slot.repeats;
            editsOfBatched += slot.edits;
        }
        try {
            int stored = store.addChatMessages(messages);
            long notStored = slots.size() - stored;
            run.stored(source, stored);
            // A message that was stored already is a duplicate; an edit of one is an edit that kept it.
            run.duplicates(source, repeats + (areEdits ? 0 : notStored));
            run.edited(source, editsOfBatched + (areEdits ? notStored : 0));
            // addChatMessages tells how many, not which: with all or none stored each carrier's fate is known; a
            // partial count (a batch mixing resends with new messages) leaves it open, and such a carrier is
            // answered as stored, which it is now, either way.
            IngestResult.Outcome kept = areEdits ? IngestResult.Outcome.EDITED : IngestResult.Outcome.DUPLICATE;
            IngestResult.Outcome carrier = stored == 0 ? kept : IngestResult.Outcome.STORED;
            for (Slot slot : slots) {
                for (int i = 0; i < slot.lines.size(); i++) {
                    IngestResult.Outcome follower = slot.followers.get(i);
                    run.fate(slot.lines.get(i), follower == null ? carrier : follower, source, "");
                }
            }
        } catch (ReadOnlySourceException e) {
            for (Slot slot : slots) {
                for (long line : slot.lines) {
                    run.chatRefused(slot.message.chatId(), e);
                    run.fate(line, IngestResult.Outcome.REFUSED, e.sourceName(), e.getMessage());
                }
            }
        } catch (StorageException e) {
            List<Long> lines = slots.stream().flatMap(slot -> slot.lines.stream()).sorted().toList();
            for (long line : lines) {
                run.fate(line, IngestResult.Outcome.FAILED, source, e.getMessage());
            }
            run.failed(source, lines.get(0), lines.size(), lines.size() == 1 ? e.getMessage()
                    : String.format("%s not stored: %s", describe(lines), e.getMessage()));
        }
    }

    private static String describe(List<Long> lines) {
        if (lines.size() <= 10) {
            return "the updates on lines " + lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.format("%d updates on lines %d to %d", lines.size(), lines.get(0), lines.get(lines.size() - 1));
    }
}
