package dev.chatstore.host.telegram;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.StorageException;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Sets a message's {@code rootMessageId} as the original bot does: the message's own id, unless it replies to a
 * message stored in that chat, in which case the parent's root (the parent's own id when a file holds no root for
 * it). Parents are looked up among the messages this resolver saw recently (which covers messages of the current
 * batch, not stored yet), then in the store. Never null. Not thread-safe.
 */
final class RootResolver {
    private final ChatStore store;
    private final Map<MessageKey, String> roots;
    private final Set<Long> unreadableChats = new HashSet<>();

    private record MessageKey(long chatId, String messageId) {
        // The record's 31 * chat + id collided massively (chats a few apart, ids "1".."99999" per chat): the map's
        // buckets turned into trees of keys that are not Comparable, walked on every put (JFR, issue 12).
        @Override
        public int hashCode() {
            return Keys.mix(chatId, messageId.hashCode());
        }
    }

    RootResolver(ChatStore store, int capacity) {
        this.store = store;
        this.roots = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<MessageKey, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return {@code message} with its chain root set, and remembered as a possible reply target */
    ChatMessage resolve(ChatMessage message) {
        String root = message.messageId();
        if (message.replyId() != null) {
            String parentRoot = rootOf(message.chatId(), message.replyId());
            if (parentRoot != null) {
                root = parentRoot;
            }
        }
        roots.put(new MessageKey(message.chatId(), message.messageId()), root);
        return Objects.equals(root, message.rootMessageId()) ? message : message.toBuilder().rootMessageId(root).build();
    }

    /** Starts a new ingest call: chats whose reads failed are asked again. */
    void newRun() {
        unreadableChats.clear();
    }

    /** The root of a stored (or recently seen) message, or null when the chat holds no such message. */
    private String rootOf(long chatId, String messageId) {
        MessageKey key = new MessageKey(chatId, messageId);
        String known = roots.get(key);
        if (known == null && !unreadableChats.contains(chatId)) {
            try {
                Optional<ChatMessage> stored = store.getChatMessage(chatId, messageId);
                if (stored.isPresent()) {
                    String root = stored.get().rootMessageId();
                    known = root == null || root.isEmpty() ? messageId : root;
                    roots.put(key, known);
                }
            } catch (StorageException e) {
                // A source that cannot answer is not asked again during this call (each try may cost its timeout);
                // the message's own id is then its root, and its write reports the source's failure.
                unreadableChats.add(chatId);
            }
        }
        return known;
    }
}
