package dev.chatstore.host.telegram;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads JSON values with their 1-based line numbers from either JSON lines (one value per line, blank lines
 * skipped) or one JSON array of values, told apart by the first non-blank character being {@code [}. A JSON lines
 * input goes on after a line that is not valid JSON. An array is cut into its elements by bracket depth (outside
 * strings) before each element is parsed, so a syntax error inside one element costs only that element: reading
 * goes on with the next one. Only a value left open at the end of the input takes the rest with it, and its item
 * says from which line on nothing was read.
 *
 * <p>Text that was not valid UTF-8 reaches this class as unpaired surrogates (the host decodes with
 * {@link #INVALID_INPUT} as its replacement); such a line or element is reported as malformed, never stored with
 * replacement characters. Does not close the reader. Not thread-safe.
 */
final class UpdateStream {
    /** A value, or the reason a line could not be read as one. */
    record Item(long line, JsonNode value, String error) {
    }

    /**
     * The replacement a decoder should put for bytes that are not valid UTF-8: an unpaired surrogate, which valid
     * UTF-8 never decodes to, so that it cannot be mistaken for a real U+FFFD in the input.
     */
    static final char INVALID_INPUT = '\uDFFF';

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * Jackson's mapper, built on first use: by the reading thread, not by the thread that opens the stream, since
     * building it (and loading Jackson) takes about 0.1 s of a cold JVM that the CLI spends starting the host.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private final BufferedReader reader;
    private final boolean isArray;
    private long linesRead;
    private boolean done;
    private int pushedBack = -1;

    UpdateStream(Reader input) throws IOException {
        this.reader = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input, 1 << 16);
        boolean array = false;
        while (true) {
            reader.mark(1);
            int c = reader.read();
            if (c == -1) {
                done = true;
                break;
            }
            if (c == '\n') {
                linesRead++;
            } else if (c != BYTE_ORDER_MARK && !Character.isWhitespace(c)) {
                array = c == '[';
                if (!array) {
                    reader.reset();
                }
                break;
            }
        }
        this.isArray = array;
    }

    /** Lines read so far (for an array: up to its last value read). */
    long linesRead() {
        return linesRead;
    }

    /** @return the next value or unreadable line, or null at the end of the input */
    Item next() throws IOException {
        if (done) {
            return null;
        }
        return isArray ? nextInArray() : nextLine();
    }

    private Item nextLine() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            linesRead++;
            if (line.isBlank()) {
                continue;
            }
            return parse(linesRead, line);
        }
        done = true;
        return null;
    }

    private Item parse(long firstLine, String text) {
        int invalid = invalidInputAt(text);
        if (invalid >= 0) {
            return new Item(firstLine, null, String.format("not valid UTF-8: the bytes at column %d do not decode "
                    + "(or the text holds an unpaired surrogate); fix the file's encoding", invalid + 1));
        }
        try {
            return new Item(firstLine, Json.MAPPER.readTree(text), null);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            if (at == null || at.getColumnNr() < 1) {
                return new Item(firstLine, null, "not valid JSON: " + e.getOriginalMessage());
            }
            long line = firstLine + Math.max(0, at.getLineNr() - 1);
            return new Item(line, null, String.format("not valid JSON at column %d: %s", at.getColumnNr(),
                    e.getOriginalMessage()));
        }
    }

    /** The index of the first unpaired surrogate (bytes that were not UTF-8), or -1. */
    private static int invalidInputAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The next element of the array, found by bracket depth; separators and stray commas are skipped. */
    private Item nextInArray() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                done = true;
                return new Item(linesRead + 1, null, "the JSON array is not closed with ']' at the end of the input");
            }
            if (c == ',' || c == BYTE_ORDER_MARK || Character.isWhitespace(c)) {
                continue;
            }
            if (c == ']') {
                done = true;
                return rest();
            }
            return element(c);
        }
    }

    private Item element(int first) throws IOException {
        long startLine = linesRead + 1;
        StringBuilder text = new StringBuilder().append((char) first);
        if (first != '{' && first != '[') {
            // A scalar element: up to the next separator.
            for (int c = read(); c != -1; c = read()) {
                if (c == ',' || c == ']' || Character.isWhitespace(c)) {
                    pushedBack = c;
                    break;
                }
                text.append((char) c);
            }
            return parse(startLine, text.toString());
        }
        int depth = 1;
        boolean inString = false;
        boolean escaped = false;
        while (depth > 0) {
            int c = read();
            if (c == -1) {
                done = true;
                return new Item(startLine, null, String.format("not valid JSON: the value starting on this line is "
                        + "not closed before the end of the input, so lines %d to %d were not read as updates",
                        startLine, Math.max(startLine, linesRead)));
            }
            text.append((char) c);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return parse(startLine, text.toString());
    }

    private Item rest() throws IOException {
        for (int c = read(); c != -1; c = read()) {
            if (c != BYTE_ORDER_MARK && !Character.isWhitespace(c)) {
                return new Item(linesRead + 1, null, "unexpected content after the JSON array");
            }
        }
        return null;
    }

    private int read() throws IOException {
        int c;
        if (pushedBack != -1) {
            c = pushedBack;
            pushedBack = -1;
            return c;
        }
        c = reader.read();
        if (c == '\n') {
            linesRead++;
        }
        return c;
    }
}
