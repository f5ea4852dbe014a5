package dev.chatstore.host;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The webhook's shared secret, {@code X-Telegram-Bot-Api-Secret-Token}: held to what Telegram's {@code setWebhook}
 * accepts, whether it comes from {@code --secret} or the config's {@code [telegram] secret-token}. Immutable and
 * thread-safe.
 */
final class SecretToken {
    static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";
    static final String RULE = "1 to 256 of A-Z, a-z, 0-9, _ and -";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final Optional<byte[]> token;

    private SecretToken(Optional<String> token) {
        this.token = token.map(text -> text.getBytes(UTF_8));
    }

    /** A secret that callers must present, or none (every caller is accepted) when {@code token} is empty. */
    static SecretToken of(Optional<String> token) {
        token.ifPresent(text -> {
            if (!valid(text)) {
                throw new IllegalArgumentException("secret token has characters Telegram does not allow; expected " + RULE);
            }
        });
        return new SecretToken(token);
    }

    static boolean valid(String token) {
        return VALID.matcher(token).matches();
    }

    boolean configured() {
        return token.isPresent();
    }

    /** Whether a request carrying {@code given} (null when the header is missing) is let in. */
    boolean admits(String given) {
        if (token.isEmpty()) {
            return true;
        }
        // Constant-time, so the response time does not tell how much of a guessed token was right.
        return given != null && MessageDigest.isEqual(token.get(), given.getBytes(UTF_8));
    }

    /** Whether {@code given} is the configured secret; false when none is configured. */
    boolean presentedBy(String given) {
        return token.isPresent() && admits(given);
    }
}
