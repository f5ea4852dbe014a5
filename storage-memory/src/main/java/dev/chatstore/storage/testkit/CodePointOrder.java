package dev.chatstore.storage.testkit;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, which is how SQLite's default BINARY collation orders UTF-8 text.
 * {@link String#compareTo} compares UTF-16 code units instead and puts supplementary characters (emoji) before
 * U+E000..U+FFFF; the fake must sort keys the way a SQLite backend does.
 */
final class CodePointOrder implements Comparator<String> {
    static final Comparator<String> INSTANCE = new CodePointOrder();

    private CodePointOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int left = a.codePointAt(i);
            int right = b.codePointAt(j);
            if (left != right) {
                return Integer.compare(left, right);
            }
            i += Character.charCount(left);
            j += Character.charCount(right);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
