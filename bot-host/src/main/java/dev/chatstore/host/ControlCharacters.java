package dev.chatstore.host;

/**
 * Makes text from stored data or input safe to print on an operator's terminal: every control character (C0
 * except line breaks and tabs, DEL, C1) becomes a visible {@code \xNN}, so an {@code ESC[2J} or an OSC title
 * sequence in a chat title is shown, not obeyed. {@code --json} output needs no such step: JSON escapes them.
 * Thread-safe: stateless.
 */
final class ControlCharacters {
    private ControlCharacters() {
    }

    /** {@code text} with its control characters escaped; line breaks and tabs are kept for the caller to fold. */
    static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }
}
