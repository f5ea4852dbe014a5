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
 * Sets a reply's {@code rootMessageId} to the first message of its reply chain, as the original bot does: the
 * reply target's root when the target has one, else the target itself. Targets are looked up among the messages
 * this resolver saw recently (which covers messages of the current batch, not stored yet), then in the store.
 * When neither knows the target (or the store fails to answer), the target's id is the root. Not thread-safe.
 */
final class RootResolver {
    private static final String NO_ROOT = "";

    private final ChatStore store;
    private final Map<MessageKey, String> roots;
    private final Set<Long> unreadableChats = new HashSet<>();

    private record MessageKey(long chatId, String messageId) {
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
        String root = null;
        if (message.replyId() != null) {
            String targetRoot = rootOf(message.chatId(), message.replyId());
            root = targetRoot != null ? targetRoot : message.replyId();
        }
        roots.put(new MessageKey(message.chatId(), message.messageId()), root == null ? NO_ROOT : root);
        return Objects.equals(root, message.rootMessageId()) ? message : message.toBuilder().rootMessageId(root).build();
    }

    /** Starts a new ingest call: chats whose reads failed are asked again. */
    void newRun() {
        unreadableChats.clear();
    }

    private String rootOf(long chatId, String messageId) {
        MessageKey key = new MessageKey(chatId, messageId);
        String known = roots.get(key);
        if (known == null && !unreadableChats.contains(chatId)) {
            try {
                Optional<ChatMessage> stored = store.getChatMessage(chatId, messageId);
                if (stored.isPresent()) {
                    known = stored.get().rootMessageId() == null ? NO_ROOT : stored.get().rootMessageId();
                    roots.put(key, known);
                }
            } catch (StorageException e) {
                // A source that cannot answer is not asked again during this call (each try may cost its timeout);
                // the reply's own target is a usable root, and the message's write reports the source's failure.
                unreadableChats.add(chatId);
            }
        }
        return known == null || known.equals(NO_ROOT) ? null : known;
    }
}
