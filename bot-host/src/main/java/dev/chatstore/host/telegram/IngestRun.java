package dev.chatstore.host.telegram;

import dev.chatstore.storage.spi.ReadOnlySourceException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The counts and per-chat refusals of one ingest call, reported to its listener as they happen. Not thread-safe:
 * one run belongs to one call of {@link UpdateIngester}.
 */
final class IngestRun {
    private final IngestListener listener;
    private final Map<String, long[]> sources = new LinkedHashMap<>();
    private final Map<Long, ReadOnlySourceException> refusedChats = new HashMap<>();
    private final Set<Long> reportedChats = new HashSet<>();
    private final Set<Long> chats = new HashSet<>();
    private final Set<Long> users = new HashSet<>();
    private ReadOnlySourceException mediaRefusal;
    /** line &rarr; what became of that update; null unless the caller asked for per-update fates. */
    private final Map<Long, Fate> fates;
    long linesRead;
    long updates;
    long ignored;
    long malformed;
    long mediaStored;

    private static final int STORED = 0;
    private static final int DUPLICATES = 1;
    private static final int EDITED = 2;
    private static final int REFUSED = 3;
    private static final int FAILED = 4;

    /** What became of one update: its outcome, the source it was routed to, and the reason when it was not stored. */
    record Fate(IngestResult.Outcome outcome, String source, String detail) {
    }

    IngestRun(IngestListener listener) {
        this(listener, false);
    }

    /** @param trackFates whether to remember each update's fate by its line ({@link #fateOf}), for group commits */
    IngestRun(IngestListener listener, boolean trackFates) {
        this.listener = requireNonNull(listener, "listener is null");
        this.fates = trackFates ? new HashMap<>() : null;
    }

    /** Records the fate of the update on {@code line}, when fates are tracked; the first fate recorded stays. */
    void fate(long line, IngestResult.Outcome outcome, String source, String detail) {
        if (fates != null) {
            fates.putIfAbsent(line, new Fate(outcome, source, detail));
        }
    }

    /** The fate recorded for {@code line}, or null (fates not tracked, or that line was not written). */
    Fate fateOf(long line) {
        return fates == null ? null : fates.get(line);
    }

    void malformed(long line, String reason) {
        malformed++;
        listener.onMalformed(line, reason);
    }

    void seen(MappedUpdate update) {
        chats.add(update.chat().id());
        users.add(update.message().userId());
    }

    void stored(String source, long count) {
        counts(source)[STORED] += count;
    }

    void duplicates(String source, long count) {
        counts(source)[DUPLICATES] += count;
    }

    void edited(String source, long count) {
        counts(source)[EDITED] += count;
    }

    void failed(String source, long line, long count, String message) {
        counts(source)[FAILED] += count;
        listener.onFailed(line, message);
    }

    /** Counts one update of {@code chatId} as refused; the first refusal of a chat is reported. */
    void refused(long chatId, ReadOnlySourceException refusal) {
        counts(refusal.sourceName())[REFUSED]++;
        if (reportedChats.add(chatId)) {
            listener.onRefused(chatId, refusal.sourceName(), refusal.getMessage());
        }
    }

    /** Like {@link #refused}, for a refused chat-routed write: the chat's later updates are refused unwritten. */
    void chatRefused(long chatId, ReadOnlySourceException refusal) {
        refusedChats.putIfAbsent(chatId, refusal);
        refused(chatId, refusal);
    }

    /** The refusal of a chat-routed write to {@code chatId} in this run, or null: later updates skip their writes. */
    ReadOnlySourceException refusalOf(long chatId) {
        return refusedChats.get(chatId);
    }

    /** Media records go to the default source; once it refused one, updates with new media are refused too. */
    ReadOnlySourceException mediaRefusal() {
        return mediaRefusal;
    }

    void mediaRefused(ReadOnlySourceException refusal) {
        mediaRefusal = refusal;
    }

    /** Remembers the source even when nothing lands there, so the summary lists every source that was routed to. */
    void touch(String source) {
        counts(source);
    }

    private long[] counts(String source) {
        return sources.computeIfAbsent(source, s -> new long[5]);
    }

    IngestSummary summary() {
        Map<String, IngestSummary.SourceCounts> perSource = new LinkedHashMap<>();
        long[] total = new long[5];
        sources.forEach((name, c) -> {
            perSource.put(name, new IngestSummary.SourceCounts(c[STORED], c[DUPLICATES], c[EDITED], c[REFUSED],
                    c[FAILED]));
            for (int i = 0; i < total.length; i++) {
                total[i] += c[i];
            }
        });
        return new IngestSummary(linesRead, updates, total[STORED], total[DUPLICATES], total[EDITED], ignored,
                malformed, total[REFUSED], total[FAILED], mediaStored, chats.size(), users.size(), perSource);
    }
}
