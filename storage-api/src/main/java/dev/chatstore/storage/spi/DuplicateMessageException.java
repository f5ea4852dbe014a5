package dev.chatstore.storage.spi;

/** {@link MessageStore#addChatMessage} was given a (chat id, message id) that is already stored; nothing changed. */
public class DuplicateMessageException extends DuplicateKeyException {
    private final long chatId;
    private final String messageId;

    public DuplicateMessageException(String sourceName, long chatId, String messageId) {
        super(String.format("Message %s of chat %d is already stored in source '%s' (addChatMessage). "
                + "Messages are immutable once stored; skip the duplicate or use addChatMessages, which skips them.",
                messageId, chatId, sourceName));
        this.chatId = chatId;
        this.messageId = messageId;
    }

    public long chatId() {
        return chatId;
    }

    public String messageId() {
        return messageId;
    }
}
