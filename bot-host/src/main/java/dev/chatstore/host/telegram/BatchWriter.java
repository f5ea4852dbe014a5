package dev.chatstore.host.telegram;

import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTopic;
import dev.chatstore.storage.spi.DuplicateKeyException;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.StorageException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import static java.util.Objects.requireNonNull;

/**
 * Writes a batch of mapped updates: per update the chat info, the sender, the topic and media records (each only
 * when it differs from what was written recently), then the messages with one {@code addChatMessages} call per
 * source (two when the batch has edits of messages not in it), sent to that source's pinned view so the chain does
 * not route the batch again. Splitting by source keeps a readonly source's refusal from costing the other sources'
 * messages, and gives exact per-source counts. Not thread-safe.
 */
final class BatchWriter {
    /** One mapped update and the input line it started on. */
    record Pending(long line, MappedUpdate update) {
    }

    // Chat-routed keys name the source written to: after a chat's route changes (a move), the first update writes
    // its chat info and member rows to the new source too, so its messages are counted there from the first one.
    private record ChatKey(long chatId, String source) {
    }

    private record MemberKey(long chatId, long userId, String source) {
        @Override
        public int hashCode() {
            return Keys.mix(chatId, 31 * Long.hashCode(userId) + source.hashCode());
        }
    }

    private record TopicKey(long chatId, long topicId, String source) {
        @Override
        public int hashCode() {
            return Keys.mix(chatId, 31 * Long.hashCode(topicId) + source.hashCode());
        }
    }

    private record MediaKey(String fileUniqueId) {
    }

    /** The value of a key found in the store rather than written: never equal to a value about to be written. */
    private static final Object STORED = new Object();

    private final ChatStore store;
    private final LongFunction<String> sourceOfChat;
    private final RecentWrites recent;
    private final RootResolver roots;

    BatchWriter(ChatStore store, LongFunction<String> sourceOfChat, RecentWrites recent, RootResolver roots) {
        this.store = requireNonNull(store, "store is null");
        this.sourceOfChat = requireNonNull(sourceOfChat, "sourceOfChat is null");
        this.recent = requireNonNull(recent, "recent is null");
        this.roots = requireNonNull(roots, "roots is null");
    }

    void write(List<Pending> batch, IngestRun run) {
        Map<String, SourceBatch> bySource = new LinkedHashMap<>();
        for (Pending pending : batch) {
            MappedUpdate update = pending.update();
            long chatId = update.chat().id();
            run.seen(update);
            ReadOnlySourceException refusal = run.refusalOf(chatId);
            if (refusal != null) {
                run.refused(chatId, refusal);
                run.fate(pending.line(), IngestResult.Outcome.REFUSED, refusal.sourceName(), refusal.getMessage());
                continue;
            }
            String source = sourceOf(chatId);
            run.touch(source);
            if (writeRecords(pending, source, run)) {
                bySource.computeIfAbsent(source, name -> new SourceBatch(storeOf(name), name))
                        .add(pending.line(), roots.resolve(update.message()), update.isEdit());
            }
        }
        for (SourceBatch sourceBatch : bySource.values()) {
            sourceBatch.write(run);
        }
    }

    /**
     * Where a source's messages go: on the routing facade, the source's pinned view, so the batch this writer
     * grouped by source is not routed (and split) again by the chain; the readonly guard still checks it.
     */
    private ChatStore storeOf(String source) {
        return store instanceof Storage storage ? storage.source(source) : store;
    }

    private String sourceOf(long chatId) {
        return requireNonNull(sourceOfChat.apply(chatId), () -> "sourceOfChat returned null for chat " + chatId);
    }

    /** @return whether the message may be written: its chat-routed records and media records are stored */
    private boolean writeRecords(Pending pending, String source, IngestRun run) {
        MappedUpdate update = pending.update();
        long chatId = update.chat().id();
        try {
            writeChat(update, source);
        } catch (ReadOnlySourceException e) {
            run.chatRefused(chatId, e);
            run.fate(pending.line(), IngestResult.Outcome.REFUSED, e.sourceName(), e.getMessage());
            return false;
        } catch (StorageException e) {
            run.failed(source, pending.line(), 1, e.getMessage());
            run.fate(pending.line(), IngestResult.Outcome.FAILED, source, e.getMessage());
            return false;
        }
        try {
            writeMedia(update.media(), run);
        } catch (ReadOnlySourceException e) {
            run.mediaRefused(e);
            run.refused(chatId, e);
            run.fate(pending.line(), IngestResult.Outcome.REFUSED, e.sourceName(), e.getMessage());
            return false;
        } catch (StorageException e) {
            run.failed(source, pending.line(), 1, e.getMessage());
            run.fate(pending.line(), IngestResult.Outcome.FAILED, source, e.getMessage());
            return false;
        }
        return true;
    }

    private void writeChat(MappedUpdate update, String source) {
        MappedUpdate.Chat chat = update.chat();
        ChatKey chatKey = new ChatKey(chat.id(), source);
        if (!recent.isFresh(chatKey, chat)) {
            store.updateChatInfo(chat.id(), chat.type(), chat.title(), chat.username(), chat.isForum());
            recent.written(chatKey, chat);
        }
        MappedUpdate.Sender sender = update.sender();
        if (sender != null) {
            MemberKey memberKey = new MemberKey(chat.id(), sender.userId(), source);
            if (!recent.isFresh(memberKey, sender)) {
                store.updateChatUser(chat.id(), sender.userId(), sender.username(), sender.fullName());
                recent.written(memberKey, sender);
            }
        }
        if (update.topic() != null) {
            writeTopic(chat.id(), update.topic(), source);
        }
    }

    private void writeTopic(long chatId, MappedUpdate.Topic topic, String source) {
        TopicKey key = new TopicKey(chatId, topic.topicId(), source);
        if (topic.announced() ? recent.isFresh(key, topic) : isTopicStored(chatId, key)) {
            return;
        }
        store.updateChatTopicInfo(chatId, topic.topicId(), topic.iconColor(), topic.iconCustomEmojiId(), topic.name());
        recent.written(key, topic);
    }

    /**
     * Whether the topic is stored, for information seen in a topic's creation message: that one predates any
     * rename, so it may name a topic only when none is stored. One read per forum chat learns every stored topic.
     */
    private boolean isTopicStored(long chatId, TopicKey key) {
        if (recent.isKnown(key)) {
            return true;
        }
        for (ChatTopic stored : store.getChatTopics(chatId)) {
            recent.written(new TopicKey(chatId, stored.topicId(), key.source()), STORED);
        }
        return recent.isKnown(key);
    }

    private void writeMedia(List<MediaAttachment> media, IngestRun run) {
        for (MediaAttachment attachment : media) {
            MediaKey key = new MediaKey(attachment.fileUniqueId());
            if (recent.isFresh(key, Boolean.TRUE)) {
                continue;
            }
            if (run.mediaRefusal() != null) {
                throw run.mediaRefusal();
            }
            try {
                store.addMediaAttachment(attachment);
                run.mediaStored++;
            } catch (DuplicateKeyException e) {
                // Recorded earlier (the same sticker or forwarded photo seen again): nothing to do.
            }
            recent.written(key, Boolean.TRUE);
        }
    }
}
