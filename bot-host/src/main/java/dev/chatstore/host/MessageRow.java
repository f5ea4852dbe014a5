package dev.chatstore.host;

import dev.chatstore.storage.spi.ChatMessage;

/**
 * One line of {@code messages}: a stored message and the source it was read from.
 *
 * @param date     ISO-8601 UTC
 * @param username the sender's username, empty when unknown
 * @param type     the content kind ({@code text}, {@code image}, {@code sticker}, ...)
 * @param category who produced it ({@code user}, {@code channel}, ...)
 * @param replyId  the message it replies to, or null
 * @param mediaId  its media attachment's {@code file_unique_id}, or null
 */
public record MessageRow(String source, long chatId, String messageId, String date, long userId, String username,
                         String fullName, String type, String category, long threadId, String replyId, String text,
                         String quoteText, String mediaId) {
    static MessageRow of(String source, ChatMessage message) {
        return new MessageRow(source, message.chatId(), message.messageId(), message.date().toString(),
                message.userId(), message.username(), message.fullName(), message.type().value(),
                message.category().value(), message.threadId(), message.replyId(), message.text(),
                message.quoteText(), message.mediaId());
    }

    static TextTable table() {
        return TextTable.of("DATE", "ID", "FROM", "TYPE", "THREAD", "REPLY TO", "TEXT");
    }

    void addTo(TextTable table) {
        String from = !fullName.isEmpty() ? fullName : !username.isEmpty() ? "@" + username : Long.toString(userId);
        table.row(date, messageId, from, type, threadId == 0 ? null : threadId, replyId, text);
    }
}
