package dev.chatstore.host.telegram;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads JSON values with their 1-based line numbers from either JSON lines (one value per line, blank lines
 * skipped) or one JSON array of values, told apart by the first non-blank character being {@code [}. A JSON lines
 * input goes on after a line that is not valid JSON; an array cannot be resynchronised after a syntax error, so its
 * reading ends there. Does not close the reader. Not thread-safe.
 */
final class UpdateStream {
    /** A value, or the reason a line could not be read as one. */
    record Item(long line, JsonNode value, String error) {
    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    // A line must hold exactly one value; inside an array, the next value follows by design.
    private static final ObjectMapper LINE_JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper ARRAY_JSON = new ObjectMapper();

    private final BufferedReader reader;
    private JsonParser array;
    private long lineOffset;
    private long linesRead;
    private boolean done;

    UpdateStream(Reader input) throws IOException {
        this.reader = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input, 1 << 16);
        while (true) {
            reader.mark(1);
            int c = reader.read();
            if (c == -1) {
                done = true;
                return;
            }
            if (c == '\n') {
                linesRead++;
            } else if (c != BYTE_ORDER_MARK && !Character.isWhitespace(c)) {
                reader.reset();
                if (c == '[') {
                    lineOffset = linesRead;
                    array = ARRAY_JSON.createParser(reader);
                    array.nextToken();
                }
                return;
            }
        }
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
        return array != null ? nextInArray() : nextLine();
    }

    private Item nextLine() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            linesRead++;
            if (line.isBlank()) {
                continue;
            }
            try {
                return new Item(linesRead, LINE_JSON.readTree(line), null);
            } catch (JsonProcessingException e) {
                return new Item(linesRead, null, invalid(e));
            }
        }
        done = true;
        return null;
    }

    private Item nextInArray() throws IOException {
        try {
            JsonToken token = array.nextToken();
            linesRead = lineOffset + array.currentTokenLocation().getLineNr();
            if (token == JsonToken.END_ARRAY) {
                done = true;
                return array.nextToken() == null ? null
                        : new Item(lineOffset + array.currentTokenLocation().getLineNr(), null,
                        "unexpected content after the JSON array");
            }
            if (token == null) {
                done = true;
                return new Item(linesRead, null, "the JSON array is not closed with ']'");
            }
            return new Item(linesRead, array.readValueAsTree(), null);
        } catch (JsonProcessingException e) {
            done = true;
            JsonLocation at = e.getLocation();
            long line = at == null ? linesRead : lineOffset + at.getLineNr();
            return new Item(line, null, invalid(e) + "; the rest of the array was not read");
        }
    }

    private static String invalid(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getColumnNr() < 1 ? "not valid JSON: " + e.getOriginalMessage()
                : String.format("not valid JSON at column %d: %s", at.getColumnNr(), e.getOriginalMessage());
    }
}
