package dev.chatstore.storage.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * Identifies a cached summary of a message range (table {@code chat_summarization_cache}).
 *
 * @param topicId null when the chat has no topics
 */
public record SummarizationKey(long chatId, Long topicId, String firstMessageId, String lastMessageId, String prompt)
        implements ChatKeyed {
    public SummarizationKey {
        requireNonNull(firstMessageId, "firstMessageId is null");
        requireNonNull(lastMessageId, "lastMessageId is null");
        requireNonNull(prompt, "prompt is null");
    }

    /**
     * The row's primary key as the original computes it: lower-case hex SHA-512 of
     * {@code "{chatId}:{topicId}_{firstMessageId}:{lastMessageId}-{prompt}"}, with topicId printed as {@code None}
     * when absent.
     */
    public String csid() {
        String source = chatId + ":" + (topicId == null ? "None" : topicId.toString()) + "_" + firstMessageId + ":"
                + lastMessageId + "-" + prompt;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            return HexFormat.of().formatHex(digest.digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every JVM", e);
        }
    }
}
