package dev.chatstore.host.telegram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What one {@link UpdateIngester#ingest} did. Every message-carrying update ends in exactly one of
 * {@code messagesStored}, {@code duplicates}, {@code edited}, {@code refused} and {@code failed}, so
 * {@code updates - ignored} equals their sum. Immutable; serialises with Jackson as a flat object of these
 * components with {@code sources} as a nested object in input order (the shape of {@code --json}).
 *
 * @param linesRead      input lines read, blank ones included
 * @param updates        well-formed updates (message-carrying ones and ignored kinds)
 * @param messagesStored messages newly stored (an edit of a message not stored yet is stored as it is)
 * @param duplicates     messages that were stored already (by an earlier ingest or earlier in the input)
 * @param edited         edits of a stored message: counted, the first stored version kept (the store has no
 *                       operation that changes a message's text)
 * @param ignored        updates of other kinds (callback_query, my_chat_member, ...)
 * @param malformed      lines that were not valid JSON or not a valid Update
 * @param refused        updates not stored because their target source is readonly
 * @param failed         updates not stored because of another storage failure
 * @param mediaStored    media records newly stored (a file already recorded is not counted)
 * @param chats          distinct chats among the message-carrying updates
 * @param users          distinct senders (user ids, or sending chats' ids) among the message-carrying updates
 * @param sources        per source, in order of first appearance: where the messages went
 */
public record IngestSummary(long linesRead, long updates, long messagesStored, long duplicates, long edited,
                            long ignored, long malformed, long refused, long failed, long mediaStored, long chats,
                            long users, Map<String, SourceCounts> sources) {
    public IngestSummary {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(sources, "sources is null")));
    }

    /** What happened to the messages routed to one source. */
    public record SourceCounts(long messagesStored, long duplicates, long edited, long refused, long failed) {
    }

    /** The human-readable summary: totals, then one row per source. Ends with a newline. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Read %d lines: %d updates (%d ignored), %d malformed%n", linesRead, updates,
                ignored, malformed));
        out.append(String.format("Messages: %d stored, %d duplicates, %d edited (kept first version), %d refused, "
                + "%d failed%n", messagesStored, duplicates, edited, refused, failed));
        out.append(String.format("Media records stored: %d; chats: %d; users: %d%n", mediaStored, chats, users));
        if (sources.isEmpty()) {
            return out.toString();
        }
        int width = Math.max("source".length(), sources.keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + width + "s  %8s  %10s  %6s  %7s  %6s%n";
        out.append(String.format(row, "source", "stored", "duplicates", "edited", "refused", "failed"));
        sources.forEach((name, c) -> out.append(String.format(row, name, c.messagesStored(), c.duplicates(),
                c.edited(), c.refused(), c.failed())));
        return out.toString();
    }
}
