package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.CacheEntry;
import dev.chatstore.storage.spi.CacheStorageEntry;
import dev.chatstore.storage.spi.CacheType;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatSummarization;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.ChatUser;
import dev.chatstore.storage.spi.DelayedTask;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MaintenanceListener;
import dev.chatstore.storage.spi.MaintenanceRequest;
import dev.chatstore.storage.spi.MaintenanceResult;
import dev.chatstore.storage.spi.MediaUpdate;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.StoreAdmin;
import dev.chatstore.storage.spi.SummarizationKey;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One SQLite source as a {@link ChatStore}: each operation is served by the class of its tables, all sharing one
 * {@link SqliteSource}. Thread-safe; closing it closes the pool (and ends a {@code :memory:} database).
 */
public final class SqliteChatStore implements ChatStore, StoreAdmin {
    private final SqliteSource source;
    private final SqliteAdmin admin;
    private final SqliteSettings settings;
    private final SqliteMessages messages;
    private final SqliteUsers users;
    private final SqliteChats chats;
    private final SqliteMedia media;
    private final SqliteSpam spam;
    private final SqliteCaches caches;
    /** This source's hold on its file (null for memory); released on close so another source may open it. */
    private final SqliteOpenStores.Claim claim;

    SqliteChatStore(SqliteOpener.Opened opened) {
        this.source = opened.source();
        this.claim = opened.claim();
        this.admin = new SqliteAdmin(source, opened);
        this.settings = new SqliteSettings(source);
        this.messages = new SqliteMessages(source);
        this.users = new SqliteUsers(source);
        this.chats = new SqliteChats(source);
        this.media = new SqliteMedia(source);
        this.spam = new SqliteSpam(source);
        this.caches = new SqliteCaches(source);
    }

    /** The source behind this store; for this package's tests. */
    SqliteSource source() {
        return source;
    }

    // --- StoreAdmin

    @Override
    public SourceStatus status() {
        return admin.status(false);
    }

    @Override
    public SourceStatus statusWithCounts() {
        return admin.status(true);
    }

    @Override
    public MaintenanceResult maintain(MaintenanceRequest request, MaintenanceListener listener) {
        requireNonNull(request, "request is null");
        requireNonNull(listener, "listener is null");
        return SqliteMaintenance.run(source, request, listener);
    }

    @Override
    public MigrationResult migrate() {
        return admin.migrate();
    }

    /** Idempotent; calls in flight finish or fail, later calls throw {@code StorageClosedException}. */
    @Override
    public void close() {
        SqliteOpenStores.forget(this);
        try {
            source.close();
        } finally {
            if (claim != null) {
                claim.release();
            }
        }
    }

    @Override
    public String toString() {
        return "SqliteChatStore[" + source.name() + " at " + source.location() + "]";
    }

    // --- settings, chat settings, user data

    @Override
    public void setSetting(String key, String value) {
        settings.setSetting(key, value);
    }

    @Override
    public Optional<String> getSetting(String key) {
        return settings.getSetting(key);
    }

    @Override
    public Map<String, String> getSettings() {
        return settings.getSettings();
    }

    @Override
    public void setChatSetting(long chatId, String key, String value) {
        settings.setChatSetting(chatId, key, value);
    }

    @Override
    public Optional<String> getChatSetting(long chatId, String key) {
        return settings.getChatSetting(chatId, key);
    }

    @Override
    public Map<String, String> getChatSettings(long chatId) {
        return settings.getChatSettings(chatId);
    }

    @Override
    public boolean unsetChatSetting(long chatId, String key) {
        return settings.unsetChatSetting(chatId, key);
    }

    @Override
    public int clearChatSettings(long chatId) {
        return settings.clearChatSettings(chatId);
    }

    @Override
    public Map<Long, String> listChatsBySetting(String key) {
        return settings.listChatsBySetting(key);
    }

    @Override
    public void addUserData(long userId, long chatId, String key, String data) {
        settings.addUserData(userId, chatId, key, data);
    }

    @Override
    public Map<String, String> getUserData(long userId, long chatId) {
        return settings.getUserData(userId, chatId);
    }

    @Override
    public boolean deleteUserData(long userId, long chatId, String key) {
        return settings.deleteUserData(userId, chatId, key);
    }

    @Override
    public int clearUserData(long userId, long chatId) {
        return settings.clearUserData(userId, chatId);
    }

    // --- messages

    @Override
    public void addChatMessage(ChatMessage message) {
        messages.addChatMessage(message);
    }

    @Override
    public int addChatMessages(List<ChatMessage> messages) {
        return this.messages.addChatMessages(messages);
    }

    @Override
    public List<ChatMessage> getChatMessages(long chatId, MessageQuery query) {
        return messages.getChatMessages(chatId, query);
    }

    @Override
    public Optional<ChatMessage> getChatMessage(long chatId, String messageId) {
        return messages.getChatMessage(chatId, messageId);
    }

    @Override
    public List<ChatMessage> getChatMessagesByRootId(long chatId, String rootMessageId, Long threadId) {
        return messages.getChatMessagesByRootId(chatId, rootMessageId, threadId);
    }

    @Override
    public List<ChatMessage> getChatMessagesByUser(long chatId, long userId, int limit) {
        return messages.getChatMessagesByUser(chatId, userId, limit);
    }

    @Override
    public boolean updateChatMessageCategory(long chatId, String messageId, MessageCategory category) {
        return messages.updateChatMessageCategory(chatId, messageId, category);
    }

    // --- users and chat lists

    @Override
    public void updateChatUser(long chatId, long userId, String username, String fullName) {
        users.updateChatUser(chatId, userId, username, fullName);
    }

    @Override
    public Optional<ChatUser> getChatUser(long chatId, long userId) {
        return users.getChatUser(chatId, userId);
    }

    @Override
    public Optional<ChatUser> getChatUserByUsername(long chatId, String username) {
        return users.getChatUserByUsername(chatId, username);
    }

    @Override
    public List<ChatUser> getChatUsers(long chatId, int limit, Instant seenSince) {
        return users.getChatUsers(chatId, limit, seenSince);
    }

    @Override
    public boolean markUserIsSpammer(long chatId, long userId, boolean isSpammer) {
        return users.markUserIsSpammer(chatId, userId, isSpammer);
    }

    @Override
    public boolean updateUserMetadata(long chatId, long userId, String metadata) {
        return users.updateUserMetadata(chatId, userId, metadata);
    }

    @Override
    public List<ChatInfo> getUserChats(long userId) {
        return users.getUserChats(userId);
    }

    @Override
    public List<ChatInfo> getAllGroupChats() {
        return users.getAllGroupChats();
    }

    @Override
    public List<ChatInfo> findChatsByUsername(String username) {
        return users.findChatsByUsername(username);
    }

    // --- chat info, topics, summaries

    @Override
    public void updateChatInfo(long chatId, ChatType type, String title, String username, boolean isForum) {
        chats.updateChatInfo(chatId, type, title, username, isForum);
    }

    @Override
    public Optional<ChatInfo> getChatInfo(long chatId) {
        return chats.getChatInfo(chatId);
    }

    @Override
    public void updateChatTopicInfo(long chatId, long topicId, Integer iconColor, String customEmojiId, String name) {
        chats.updateChatTopicInfo(chatId, topicId, iconColor, customEmojiId, name);
    }

    @Override
    public List<ChatTopic> getChatTopics(long chatId) {
        return chats.getChatTopics(chatId);
    }

    @Override
    public void addChatSummarization(SummarizationKey key, String summary) {
        chats.addChatSummarization(key, summary);
    }

    @Override
    public Optional<ChatSummarization> getChatSummarization(SummarizationKey key) {
        return chats.getChatSummarization(key);
    }

    // --- media and delayed tasks

    @Override
    public void addMediaAttachment(MediaAttachment attachment) {
        media.addMediaAttachment(attachment);
    }

    @Override
    public boolean updateMediaAttachment(String fileUniqueId, MediaUpdate changes) {
        return media.updateMediaAttachment(fileUniqueId, changes);
    }

    @Override
    public Optional<MediaAttachment> getMediaAttachment(String fileUniqueId) {
        return media.getMediaAttachment(fileUniqueId);
    }

    @Override
    public void addDelayedTask(String id, String function, String kwargs, Instant delayedTs) {
        media.addDelayedTask(id, function, kwargs, delayedTs);
    }

    @Override
    public boolean updateDelayedTask(String id, boolean isDone) {
        return media.updateDelayedTask(id, isDone);
    }

    @Override
    public List<DelayedTask> getPendingDelayedTasks() {
        return media.getPendingDelayedTasks();
    }

    // --- spam

    @Override
    public void addSpamMessage(SpamMessage spam) {
        this.spam.addSpamMessage(spam);
    }

    @Override
    public void addHamMessage(SpamMessage ham) {
        spam.addHamMessage(ham);
    }

    @Override
    public List<SpamMessage> getSpamMessagesByUserId(long chatId, long userId) {
        return spam.getSpamMessagesByUserId(chatId, userId);
    }

    @Override
    public int deleteSpamMessagesByUserId(long chatId, long userId) {
        return spam.deleteSpamMessagesByUserId(chatId, userId);
    }

    @Override
    public List<SpamMessage> getSpamMessages(int limit) {
        return spam.getSpamMessages(limit);
    }

    @Override
    public List<SpamMessage> getSpamMessagesByText(String text) {
        return spam.getSpamMessagesByText(text);
    }

    // --- caches

    @Override
    public void setCacheEntry(CacheType cacheType, String key, String data) {
        caches.setCacheEntry(cacheType, key, data);
    }

    @Override
    public Optional<CacheEntry> getCacheEntry(CacheType cacheType, String key, Duration ttl) {
        return caches.getCacheEntry(cacheType, key, ttl);
    }

    @Override
    public int clearCache(CacheType cacheType) {
        return caches.clearCache(cacheType);
    }

    @Override
    public void setCacheStorage(String namespace, String key, String value) {
        caches.setCacheStorage(namespace, key, value);
    }

    @Override
    public List<CacheStorageEntry> getCacheStorage() {
        return caches.getCacheStorage();
    }

    @Override
    public boolean unsetCacheStorage(String namespace, String key) {
        return caches.unsetCacheStorage(namespace, key);
    }
}
