package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatKeyed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Merges the rows several sources returned for one fan-out read: one row per chat id, the owning source's copy
 * winning, else the copy of the source listed first in the config; the result ordered by chat id ascending.
 * One instance per call; not thread-safe.
 */
final class ChatRowMerge {
    private record Winner(String source, int rank, Object value) {
    }

    private final RoutingRules rules;
    private final TreeMap<Long, Winner> winners = new TreeMap<>();

    ChatRowMerge(RoutingRules rules) {
        this.rules = rules;
    }

    /** Offers a source's list of {@link ChatKeyed} rows. */
    void offerRows(String source, List<?> rows) {
        for (Object row : requireNonNull(rows, () -> "source '" + source + "' returned null")) {
            offer(source, ((ChatKeyed) requireNonNull(row, "a source returned a null row")).chatId(), row);
        }
    }

    /** Offers a source's map keyed by chat id. */
    void offerMap(String source, Map<?, ?> rows) {
        requireNonNull(rows, () -> "source '" + source + "' returned null");
        rows.forEach((chatId, value) -> offer(source, (Long) chatId, value));
    }

    private void offer(String source, long chatId, Object value) {
        Winner candidate = new Winner(source, rules.rank(chatId, source), value);
        winners.merge(chatId, candidate, (held, offered) -> offered.rank() < held.rank() ? offered : held);
    }

    /** The winning rows, by chat id ascending; unmodifiable. */
    List<Object> rows() {
        List<Object> rows = new ArrayList<>(winners.size());
        winners.values().forEach(winner -> rows.add(winner.value()));
        return Collections.unmodifiableList(rows);
    }

    /** The winning entries, iterated by chat id ascending; unmodifiable. */
    Map<Long, Object> map() {
        Map<Long, Object> map = new LinkedHashMap<>();
        winners.forEach((chatId, winner) -> map.put(chatId, winner.value()));
        return Collections.unmodifiableMap(map);
    }

    /** The winning rows tagged with their source, by chat id ascending; unmodifiable. */
    @SuppressWarnings("unchecked")
    <T> List<Sourced<T>> sourced() {
        List<Sourced<T>> rows = new ArrayList<>(winners.size());
        winners.values().forEach(winner -> rows.add(new Sourced<>(winner.source(), (T) winner.value())));
        return Collections.unmodifiableList(rows);
    }
}
