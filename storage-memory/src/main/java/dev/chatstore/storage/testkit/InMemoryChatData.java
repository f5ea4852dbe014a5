package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatInfoStore;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatSettingsStore;
import dev.chatstore.storage.spi.ChatSummarization;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.DuplicateMessageException;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageStore;
import dev.chatstore.storage.spi.SettingsStore;
import dev.chatstore.storage.spi.SummarizationKey;
import dev.chatstore.storage.spi.TransferTable;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.UserDataStore;
import dev.chatstore.storage.spi.UserStore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.chatstore.storage.testkit.StoreGuard.checkLimit;
import static java.util.Objects.requireNonNull;

/**
 * The chat-centred half of {@link InMemoryChatStore}: settings, messages, members, user data, chat settings, chat
 * info, topics and summaries. Split from it only to keep each file readable; every call goes through the
 * {@link StoreGuard} shared by the whole store.
 */
abstract class InMemoryChatData implements SettingsStore, MessageStore, UserStore, UserDataStore, ChatSettingsStore,
        ChatInfoStore {
    final StoreGuard guard;
    private final SettingsTables settings = new SettingsTables();
    private final MessageTable messages = new MessageTable();
    private final UserTable users = new UserTable();
    private final ChatTable chats = new ChatTable();

    InMemoryChatData(StoreGuard guard) {
        this.guard = guard;
    }

    @Override
    public void setSetting(String key, String value) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        guard.write("setSetting", () -> settings.setSetting(key, value));
    }

    @Override
    public Optional<String> getSetting(String key) {
        requireNonNull(key, "key is null");
        return guard.read("getSetting", () -> settings.setting(key));
    }

    @Override
    public Map<String, String> getSettings() {
        return guard.read("getSettings", settings::settings);
    }

    @Override
    public void addChatMessage(ChatMessage message) {
        requireNonNull(message, "message is null");
        guard.write("addChatMessage", () -> {
            if (!store(message)) {
                throw new DuplicateMessageException(guard.description(), message.chatId(), message.messageId());
            }
        });
    }

    @Override
    public int addChatMessages(List<ChatMessage> messages) {
        requireNonNull(messages, "messages is null");
        for (int i = 0; i < messages.size(); i++) {
            requireNonNull(messages.get(i), "messages[" + i + "] is null");
        }
        return guard.write("addChatMessages", () -> (int) messages.stream().filter(this::store).count());
    }

    /** Stores one message and its counters unless (chat, message id) exists; the caller holds the write lock. */
    private boolean store(ChatMessage message) {
        if (messages.contains(message.chatId(), message.messageId())) {
            return false;
        }
        messages.insert(message, guard.now());
        users.countMessage(message.chatId(), message.userId());
        return true;
    }

    @Override
    public List<ChatMessage> getChatMessages(long chatId, MessageQuery query) {
        requireNonNull(query, "query is null");
        return guard.read("getChatMessages", () -> withAuthors(messages.query(chatId, query)));
    }

    @Override
    public Optional<ChatMessage> getChatMessage(long chatId, String messageId) {
        requireNonNull(messageId, "messageId is null");
        return guard.read("getChatMessage", () -> messages.find(chatId, messageId).map(this::withAuthor));
    }

    @Override
    public List<ChatMessage> getChatMessagesByRootId(long chatId, String rootMessageId, Long threadId) {
        requireNonNull(rootMessageId, "rootMessageId is null");
        return guard.read("getChatMessagesByRootId",
                () -> withAuthors(messages.byRoot(chatId, rootMessageId, threadId)));
    }

    @Override
    public List<ChatMessage> getChatMessagesByUser(long chatId, long userId, int limit) {
        checkLimit(limit);
        return guard.read("getChatMessagesByUser", () -> withAuthors(messages.byUser(chatId, userId, limit)));
    }

    @Override
    public boolean updateChatMessageCategory(long chatId, String messageId, MessageCategory category) {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(category, "category is null");
        return guard.write("updateChatMessageCategory", () -> messages.updateCategory(chatId, messageId, category));
    }

    private List<ChatMessage> withAuthors(List<ChatMessage> stored) {
        return stored.stream().map(this::withAuthor).toList();
    }

    private ChatMessage withAuthor(ChatMessage stored) {
        return users.find(stored.chatId(), stored.userId())
                .map(user -> stored.toBuilder().author(user.username(), user.fullName()).build())
                .orElse(stored);
    }

    @Override
    public void updateChatUser(long chatId, long userId, String username, String fullName) {
        requireNonNull(username, "username is null");
        requireNonNull(fullName, "fullName is null");
        guard.write("updateChatUser", () -> users.upsert(chatId, userId, username, fullName, guard.now()));
    }

    @Override
    public Optional<ChatUser> getChatUser(long chatId, long userId) {
        return guard.read("getChatUser", () -> users.find(chatId, userId));
    }

    @Override
    public Optional<ChatUser> getChatUserByUsername(long chatId, String username) {
        requireNonNull(username, "username is null");
        return guard.read("getChatUserByUsername", () -> users.findByUsername(chatId, username));
    }

    @Override
    public List<ChatUser> getChatUsers(long chatId, int limit, Instant seenSince) {
        checkLimit(limit);
        // Cut like every stored time, so "at or after" compares whole seconds as SQL on the stored text does.
        Instant since = seenSince == null ? null : seenSince.truncatedTo(ChronoUnit.SECONDS);
        return guard.read("getChatUsers", () -> users.list(chatId, limit, since));
    }

    @Override
    public boolean markUserIsSpammer(long chatId, long userId, boolean isSpammer) {
        return guard.write("markUserIsSpammer", () -> users.markSpammer(chatId, userId, isSpammer, guard.now()));
    }

    @Override
    public boolean updateUserMetadata(long chatId, long userId, String metadata) {
        requireNonNull(metadata, "metadata is null");
        return guard.write("updateUserMetadata", () -> users.updateMetadata(chatId, userId, metadata, guard.now()));
    }

    @Override
    public List<ChatInfo> getUserChats(long userId) {
        return guard.read("getUserChats", () -> chats.infos(chatId -> users.isMember(chatId, userId), info -> true));
    }

    @Override
    public List<ChatInfo> getAllGroupChats() {
        return guard.read("getAllGroupChats", () -> chats.infos(chatId -> true, ChatInfo::isGroup));
    }

    @Override
    public List<ChatInfo> findChatsByUsername(String username) {
        requireNonNull(username, "username is null");
        return guard.read("findChatsByUsername", () -> chats.infos(chatId -> true,
                info -> info.username() != null && ChatTable.equalsIgnoreAsciiCase(info.username(), username)));
    }

    @Override
    public void addUserData(long userId, long chatId, String key, String data) {
        requireNonNull(key, "key is null");
        requireNonNull(data, "data is null");
        guard.write("addUserData", () -> settings.putUserData(userId, chatId, key, data));
    }

    @Override
    public Map<String, String> getUserData(long userId, long chatId) {
        return guard.read("getUserData", () -> settings.userData(userId, chatId));
    }

    @Override
    public boolean deleteUserData(long userId, long chatId, String key) {
        requireNonNull(key, "key is null");
        return guard.write("deleteUserData", () -> settings.deleteUserData(userId, chatId, key));
    }

    @Override
    public int clearUserData(long userId, long chatId) {
        return guard.write("clearUserData", () -> settings.clearUserData(userId, chatId));
    }

    @Override
    public void setChatSetting(long chatId, String key, String value) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        guard.write("setChatSetting", () -> settings.setChatSetting(chatId, key, value));
    }

    @Override
    public Optional<String> getChatSetting(long chatId, String key) {
        requireNonNull(key, "key is null");
        return guard.read("getChatSetting", () -> settings.chatSetting(chatId, key));
    }

    @Override
    public Map<String, String> getChatSettings(long chatId) {
        return guard.read("getChatSettings", () -> settings.chatSettings(chatId));
    }

    @Override
    public boolean unsetChatSetting(long chatId, String key) {
        requireNonNull(key, "key is null");
        return guard.write("unsetChatSetting", () -> settings.unsetChatSetting(chatId, key));
    }

    @Override
    public int clearChatSettings(long chatId) {
        return guard.write("clearChatSettings", () -> settings.clearChatSettings(chatId));
    }

    @Override
    public Map<Long, String> listChatsBySetting(String key) {
        requireNonNull(key, "key is null");
        return guard.read("listChatsBySetting", () -> settings.chatsWithSetting(key));
    }

    @Override
    public void updateChatInfo(long chatId, ChatType type, String title, String username, boolean isForum) {
        requireNonNull(type, "type is null");
        guard.write("updateChatInfo", () -> chats.updateInfo(chatId, type, title, username, isForum, guard.now()));
    }

    @Override
    public Optional<ChatInfo> getChatInfo(long chatId) {
        return guard.read("getChatInfo", () -> chats.info(chatId));
    }

    @Override
    public void updateChatTopicInfo(long chatId, long topicId, Integer iconColor, String customEmojiId, String name) {
        guard.write("updateChatTopicInfo",
                () -> chats.updateTopic(chatId, topicId, iconColor, customEmojiId, name, guard.now()));
    }

    @Override
    public List<ChatTopic> getChatTopics(long chatId) {
        return guard.read("getChatTopics", () -> chats.topics(chatId));
    }

    @Override
    public void addChatSummarization(SummarizationKey key, String summary) {
        requireNonNull(key, "key is null");
        requireNonNull(summary, "summary is null");
        guard.write("addChatSummarization", () -> chats.putSummary(key, summary, guard.now()));
    }

    @Override
    public Optional<ChatSummarization> getChatSummarization(SummarizationKey key) {
        requireNonNull(key, "key is null");
        return guard.read("getChatSummarization", () -> chats.summary(key));
    }

    /** Messages counted in {@code chat_stats} for the chat on that UTC day; for this module's tests. */
    long chatMessagesOn(long chatId, LocalDate day) {
        return guard.read("chatMessagesOn", () -> messages.chatMessagesOn(chatId, day));
    }

    /** Messages counted in {@code chat_user_stats}; for this module's tests. */
    long userMessagesOn(long chatId, long userId, LocalDate day) {
        return guard.read("userMessagesOn", () -> messages.userMessagesOn(chatId, userId, day));
    }

    // ChatTransfer support for InMemoryChatStore; callers hold the guard's lock.

    /** The chat's rows of {@code table}, one of this half's tables, in the TransferTable column order. */
    List<Object[]> transferRows(TransferTable table, long chatId) {
        return switch (table.name()) {
            case "chat_info" -> chats.infoRows(chatId);
            case "chat_users" -> users.exportRows(chatId);
            case "chat_messages" -> messages.messageRows(chatId);
            case "chat_stats" -> messages.chatStatRows(chatId);
            case "chat_user_stats" -> messages.userStatRows(chatId);
            case "chat_settings" -> settings.chatSettingRows(chatId);
            case "chat_topics" -> chats.topicRows(chatId);
            case "chat_summarization_cache" -> chats.summaryRows(chatId);
            case "user_data" -> settings.userDataRows(chatId);
            default -> throw new IllegalArgumentException("not a table of this half: " + table.name());
        };
    }

    /** Stores (or replaces) one row of this half's tables; counters are stored as given. */
    void importTransferRow(TransferTable table, Object[] r) {
        switch (table.name()) {
            case "chat_info" -> chats.importInfo(new ChatInfo(l(r[0]), ChatType.fromValue((String) r[3]),
                    (String) r[1], (String) r[2], Boolean.TRUE.equals(r[4]), time(r[5]), time(r[6])));
            case "chat_users" -> users.importRow(new ChatUser(l(r[0]), l(r[1]), (String) r[2], (String) r[3],
                    (String) r[4], r[5] == null ? 0 : l(r[5]), time(r[6]), time(r[7]), Boolean.TRUE.equals(r[8]),
                    r[9] == null ? "" : (String) r[9]));
            case "chat_messages" -> messages.importMessage(ChatMessage.builder(l(r[0]), (String) r[1], l(r[3]),
                            (Instant) r[2]).replyId((String) r[4]).threadId(r[5] == null ? 0 : l(r[5]))
                    .rootMessageId((String) r[6]).text(r[7] == null ? "" : (String) r[7])
                    .type(MessageType.fromValue((String) r[8])).category(MessageCategory.fromValue((String) r[9]))
                    .quoteText((String) r[10]).mediaId((String) r[11]).build(), (Instant) r[12]);
            case "chat_stats" -> messages.importChatStat(l(r[0]), day(r[1]), l(r[2]));
            case "chat_user_stats" -> messages.importUserStat(l(r[0]), l(r[1]), day(r[2]), l(r[3]));
            case "chat_settings" -> settings.setChatSetting(l(r[0]), (String) r[1], (String) r[2]);
            case "chat_topics" -> chats.importTopic(new ChatTopic(l(r[0]), l(r[1]),
                    r[2] == null ? null : Math.toIntExact(l(r[2])), (String) r[3],
                    r[4] == null ? ChatTopic.DEFAULT_NAME : (String) r[4], time(r[5]), time(r[6])));
            case "chat_summarization_cache" -> chats.importSummary(new ChatSummarization(new SummarizationKey(
                    l(r[1]), r[2] == null ? null : l(r[2]), (String) r[3], (String) r[4], (String) r[5]),
                    (String) r[6], time(r[7]), time(r[8])));
            case "user_data" -> settings.putUserData(l(r[0]), l(r[1]), (String) r[2], (String) r[3]);
            default -> throw new IllegalArgumentException("not a table of this half: " + table.name());
        }
    }

    long deleteChatRows(long chatId) {
        return messages.deleteChat(chatId) + users.deleteChat(chatId) + chats.deleteChat(chatId)
                + settings.deleteChat(chatId);
    }

    java.util.Set<Long> chatIdsWithRows() {
        java.util.Set<Long> ids = new java.util.HashSet<>(messages.chatIds());
        ids.addAll(users.chatIds());
        ids.addAll(chats.chatIds());
        ids.addAll(settings.chatIds());
        return ids;
    }

    private static long l(Object value) {
        return ((Number) value).longValue();
    }

    /** A row from a backend that keeps no time for the column: the epoch, as the records need one. */
    private static Instant time(Object value) {
        return value == null ? Instant.EPOCH : (Instant) value;
    }

    private static LocalDate day(Object value) {
        return LocalDate.ofInstant((Instant) value, java.time.ZoneOffset.UTC);
    }
}
