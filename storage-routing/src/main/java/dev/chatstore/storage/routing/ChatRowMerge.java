package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatKeyed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Merges the rows several sources returned for one fan-out read: one row per chat id, the owning source's copy
 * winning, else the copy of the source listed first in the config; the result ordered by chat id ascending.
 * One instance per call; not thread-safe.
 *
 * <p>This runs on the caller's thread after the last source answers, so it is the serial part of every fan-out:
 * sources already return their rows by chat id ascending, so the lists are merged k-way on primitive ids, and the
 * chat's owner (a map lookup) is only asked when two sources hold the same chat.
 */
final class ChatRowMerge {
    private final RoutingRules rules;
    private final List<String> sources = new ArrayList<>();
    private final List<long[]> ids = new ArrayList<>();
    private final List<Object[]> values = new ArrayList<>();
    private int offered;
    private int size = -1;
    private String[] winnerSources;
    private long[] winnerIds;
    private Object[] winnerValues;

    ChatRowMerge(RoutingRules rules) {
        this.rules = rules;
    }

    /** Offers a source's list of {@link ChatKeyed} rows. */
    void offerRows(String source, List<?> rows) {
        requireNonNull(rows, () -> "source '" + source + "' returned null");
        long[] keys = new long[rows.size()];
        Object[] rowValues = new Object[rows.size()];
        int i = 0;
        for (Object row : rows) {
            keys[i] = ((ChatKeyed) requireNonNull(row, "a source returned a null row")).chatId();
            rowValues[i++] = row;
        }
        add(source, keys, rowValues);
    }

    /** Offers a source's map keyed by chat id. */
    void offerMap(String source, Map<?, ?> rows) {
        requireNonNull(rows, () -> "source '" + source + "' returned null");
        long[] keys = new long[rows.size()];
        Object[] rowValues = new Object[rows.size()];
        int i = 0;
        for (Map.Entry<?, ?> entry : rows.entrySet()) {
            keys[i] = (Long) entry.getKey();
            rowValues[i++] = entry.getValue();
        }
        add(source, keys, rowValues);
    }

    /** The winning rows, by chat id ascending; unmodifiable. */
    List<Object> rows() {
        merge();
        return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(winnerValues, size)));
    }

    /** The winning entries, iterated by chat id ascending; unmodifiable. */
    Map<Long, Object> map() {
        merge();
        Map<Long, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(winnerIds[i], winnerValues[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The winning rows tagged with their source, by chat id ascending; unmodifiable. */
    @SuppressWarnings("unchecked")
    <T> List<Sourced<T>> sourced() {
        merge();
        List<Sourced<T>> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(new Sourced<>(winnerSources[i], (T) winnerValues[i]));
        }
        return Collections.unmodifiableList(rows);
    }

    private void add(String source, long[] keys, Object[] rowValues) {
        if (!ascending(keys)) {
            // A backend that ignores the SPI's order still merges correctly, at the price of a boxed sort.
            Integer[] order = new Integer[keys.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingLong(i -> keys[i]));
            long[] sortedKeys = new long[keys.length];
            Object[] sortedValues = new Object[keys.length];
            for (int i = 0; i < order.length; i++) {
                sortedKeys[i] = keys[order[i]];
                sortedValues[i] = rowValues[order[i]];
            }
            add(source, sortedKeys, sortedValues);
            return;
        }
        sources.add(source);
        ids.add(keys);
        values.add(rowValues);
        offered += keys.length;
    }

    private static boolean ascending(long[] keys) {
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] < keys[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private void merge() {
        if (size >= 0) {
            return;
        }
        int lists = ids.size();
        int[] position = new int[lists];
        winnerSources = new String[offered];
        winnerIds = new long[offered];
        winnerValues = new Object[offered];
        size = 0;
        while (true) {
            int first = -1;
            long chatId = 0;
            for (int list = 0; list < lists; list++) {
                if (position[list] < ids.get(list).length && (first < 0 || ids.get(list)[position[list]] < chatId)) {
                    first = list;
                    chatId = ids.get(list)[position[list]];
                }
            }
            if (first < 0) {
                return;
            }
            int winner = first;
            for (int list = first + 1; list < lists; list++) {
                if (position[list] < ids.get(list).length && ids.get(list)[position[list]] == chatId
                        && rules.rank(chatId, sources.get(list)) < rules.rank(chatId, sources.get(winner))) {
                    winner = list;
                }
            }
            winnerSources[size] = sources.get(winner);
            winnerIds[size] = chatId;
            winnerValues[size++] = values.get(winner)[position[winner]];
            // Skip this chat in every list, including a source that (against the SPI) listed it twice.
            for (int list = 0; list < lists; list++) {
                long[] keys = ids.get(list);
                while (position[list] < keys.length && keys[position[list]] == chatId) {
                    position[list]++;
                }
            }
        }
    }
}
