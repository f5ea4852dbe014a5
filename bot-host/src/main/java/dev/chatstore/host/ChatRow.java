package dev.chatstore.host;

import dev.chatstore.storage.spi.ChatInfo;

/**
 * One line of {@code chats}: a chat and the source its row came from.
 *
 * @param type      {@code private}, {@code group}, {@code supergroup} or {@code channel}
 * @param title     the group title, or null
 * @param username  the public username without {@code @}, or null
 * @param updatedAt when the chat info last changed, ISO-8601 UTC
 */
public record ChatRow(String source, long chatId, String type, String title, String username, boolean forum,
                      String updatedAt) {
    static ChatRow of(String source, ChatInfo chat) {
        return new ChatRow(source, chat.chatId(), chat.type().value(), chat.title(), chat.username(), chat.isForum(),
                chat.updatedAt().toString());
    }

    static TextTable table() {
        return TextTable.of("SOURCE", "CHAT", "TYPE", "TITLE", "USERNAME", "FORUM", "UPDATED");
    }

    void addTo(TextTable table) {
        table.row(source, chatId, type, title, username == null ? null : "@" + username, forum ? "yes" : "no", updatedAt);
    }
}
