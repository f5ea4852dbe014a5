package dev.chatstore.reliability;

import dev.chatstore.storage.spi.CacheType;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaStatus;
import dev.chatstore.storage.spi.MediaUpdate;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;
import dev.chatstore.storage.spi.SummarizationKey;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every {@link dev.chatstore.storage.spi.ChatStore} operation with valid arguments aimed at one chat, for tests that
 * call them all (taken from {@link OperationDescriptor#all()}, so a new operation is covered without a change here).
 */
final class Operations {
    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    private Operations() {
    }

    static List<OperationDescriptor> writes() {
        return OperationDescriptor.all().stream().filter(OperationDescriptor::isWrite).toList();
    }

    static List<OperationDescriptor> reads() {
        return OperationDescriptor.all().stream().filter(operation -> !operation.isWrite()).toList();
    }

    /** Arguments for {@code method}, aimed at {@code chatId}; {@code tag} makes ids unique between calls. */
    static Object[] arguments(Method method, long chatId, String tag) {
        Map<Class<?>, Object> values = Map.ofEntries(
                Map.entry(long.class, chatId),
                Map.entry(int.class, 10),
                Map.entry(boolean.class, true),
                Map.entry(Long.class, 1L),
                Map.entry(Integer.class, 1),
                Map.entry(String.class, "value-" + tag),
                Map.entry(Instant.class, T0),
                Map.entry(Duration.class, Duration.ofDays(3650)),
                Map.entry(ChatMessage.class, message(chatId, "m-" + tag)),
                Map.entry(List.class, List.of(message(chatId, "l-" + tag))),
                Map.entry(MessageQuery.class, MessageQuery.all()),
                Map.entry(MessageCategory.class, MessageCategory.BOT),
                Map.entry(ChatType.class, ChatType.SUPERGROUP),
                Map.entry(SummarizationKey.class, new SummarizationKey(chatId, null, "1", "2", "prompt-" + tag)),
                Map.entry(MediaAttachment.class, MediaAttachment.builder("file-" + tag, MessageType.IMAGE).build()),
                Map.entry(MediaUpdate.class, MediaUpdate.builder().status(MediaStatus.DONE).build()),
                Map.entry(SpamMessage.class, new SpamMessage(chatId, 1001, "s-" + tag, "spam", SpamReason.ADMIN, 0.9)),
                Map.entry(CacheType.class, CacheType.WEATHER));
        Object[] args = new Object[method.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = values.get(method.getParameterTypes()[i]);
            if (args[i] == null) {
                throw new IllegalStateException("no sample " + method.getParameterTypes()[i] + " for " + method.getName());
            }
        }
        return args;
    }

    static ChatMessage message(long chatId, String id) {
        return ChatMessage.builder(chatId, id, 1001, T0).text("text of " + id).build();
    }

    /** Calls the operation; returns its result, or the exception it threw (unwrapped). */
    static Object call(ChatStore store, OperationDescriptor operation, long chatId, String tag) {
        try {
            return operation.method().invoke(store, arguments(operation.method(), chatId, tag));
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills every table of a source through its operations: each write once, aimed at {@code chatId}. */
    static void fillEveryTable(ChatStore store, long chatId) {
        store.updateChatInfo(chatId, ChatType.SUPERGROUP, "Archived group", "archived_group", false);
        store.updateChatUser(chatId, 1001, "alice", "Alice");
        for (OperationDescriptor operation : writes()) {
            Object result = call(store, operation, chatId, "fill");
            if (result instanceof Throwable failure) {
                throw new IllegalStateException(operation.name() + " failed while filling", failure);
            }
        }
        store.setChatSetting(chatId, "lang", "uk");
        store.addChatMessage(message(chatId, "kept"));
    }
}
