package dev.chatstore.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain-text table for the readable output: a header, one line per row, columns padded to their widest cell
 * (measured in terminal columns, so CJK text and emoji line up). Cells are single-line (line breaks and tabs become
 * spaces), show control characters escaped ({@link ControlCharacters}) and are cut to a maximum width with an
 * ellipsis. Not thread-safe.
 */
final class TextTable {
    static final int MAX_CELL_WIDTH = 60;
    /** A line break ({@code \R}: the characters {@link #oneLine} looks for) and the blanks around it. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> header) {
        this.header = header;
    }

    static TextTable of(String... header) {
        return new TextTable(List.of(header));
    }

    /** Adds a row; null cells print as "-". */
    TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(TextTable::cell).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, each line ending in a line break; trailing blanks trimmed. */
    String render() {
        int[] widths = new int[header.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = width(header.get(column));
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], width(row.get(column)));
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, header, widths);
        for (List<String> row : rows) {
            appendLine(out, row, widths);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            line.append(cell);
            if (column < cells.size() - 1) {
                line.append(" ".repeat(widths[column] - width(cell) + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    static String cell(Object value) {
        if (value == null) {
            return "-";
        }
        String text = ControlCharacters.escape(oneLine(value.toString()).replace('\t', ' '));
        if (width(text) <= MAX_CELL_WIDTH) {
            return text;
        }
        StringBuilder cut = new StringBuilder();
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += width(codePoint);
            if (width > MAX_CELL_WIDTH - 1) {
                break;
            }
            cut.appendCodePoint(codePoint);
            i += Character.charCount(codePoint);
        }
        return cut.append('…').toString();
    }

    /** Line breaks and the blanks around them as one space; most cells have none, and skip the regex. */
    private static String oneLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028'
                    || c == '\u2029') {
                return LINE_BREAK.matcher(text).replaceAll(" ");
            }
        }
        return text;
    }

    /** Terminal columns: CJK and emoji take two, combining marks and joiners none, the rest one. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += width(codePoint);
            i += Character.charCount(codePoint);
        }
        return width;
    }

    private static int width(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)) {
            return 0;
        }
        boolean wide = (codePoint >= 0x1100 && codePoint <= 0x115F)
                || (codePoint >= 0x2E80 && codePoint <= 0xA4CF && codePoint != 0x303F)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
                || (codePoint >= 0x1F300 && codePoint <= 0x1F64F)
                || (codePoint >= 0x1F900 && codePoint <= 0x1F9FF)
                || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
