package dev.chatstore.storage.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the problems of one configuration so they are all reported in a single {@link StorageConfigException},
 * and words values and "did you mean" hints the same way for every message. Not thread-safe: one per parse.
 */
final class ConfigProblems {
    private static final int MAX_HINT_LENGTH = 200;

    private final List<String> problems = new ArrayList<>();

    void add(String format, Object... args) {
        problems.add(String.format(format, args));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<String> list() {
        return List.copyOf(problems);
    }

    /** A config value as the operator wrote it: strings quoted, tables and arrays named rather than dumped. */
    static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof String text) {
            return '"' + text + '"';
        }
        if (value instanceof Map<?, ?>) {
            return "a table";
        }
        if (value instanceof Collection<?>) {
            return "an array";
        }
        return value.toString();
    }

    /**
     * The candidate nearest to {@code input} by edit distance (a transposition counts as one edit), after folding
     * case and {@code _} to {@code -}, when it is close enough to be a plausible typo.
     */
    static Optional<String> closest(String input, Collection<String> candidates) {
        String normalizedInput = normalize(input);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String normalizedCandidate = normalize(candidate);
            // No typo hint is allowed more than 3 edits, so far-apart lengths (and huge inputs) are skipped unmeasured.
            if (Math.abs(normalizedInput.length() - normalizedCandidate.length()) > 3
                    || normalizedCandidate.length() > MAX_HINT_LENGTH) {
                continue;
            }
            int distance = editDistance(normalizedInput, normalizedCandidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.min(3, best.length() / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // Optimal string alignment distance: Levenshtein plus adjacent transpositions ("paht" -> "path" is one edit).
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
