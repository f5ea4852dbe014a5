package dev.chatstore.sqlite;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oldest SQLite library this plugin opens a source with: 3.51.3, the first release with the fix for the WAL-reset bug
 * (sqlite.org/wal.html#walresetbug), which can corrupt a WAL database when two connections of one file write or
 * checkpoint at the same moment, which a pooled source does.
 */
final class SqliteVersionRule {
    static final String MINIMUM = "3.51.3";
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    private SqliteVersionRule() {
    }

    /**
     * Why a source may not run on this SQLite version, or empty when it may.
     *
     * @param version the library version a source reported, for example {@code 3.54.1}
     * @return empty when the version is {@link #MINIMUM} or newer, or cannot be read (the caller warns)
     */
    static Optional<String> refusal(String sourceName, String version) {
        Optional<int[]> parsed = parse(version);
        if (parsed.isEmpty() || compare(parsed.get(), parse(MINIMUM).orElseThrow()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(String.format("Source '%s' runs SQLite %s, older than the required %s (earlier versions "
                + "have the WAL-reset corruption bug): install a storage-sqlite plugin built with a newer sqlite-jdbc",
                sourceName, version, MINIMUM));
    }

    /** Whether the text is a version this rule can compare. */
    static boolean readable(String version) {
        return parse(version).isPresent();
    }

    private static Optional<int[]> parse(String version) {
        Matcher matcher = VERSION.matcher(version.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return Optional.of(new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch});
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
