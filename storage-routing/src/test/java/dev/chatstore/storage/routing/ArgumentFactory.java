package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaStatus;
import dev.chatstore.storage.spi.MediaUpdate;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SpamReason;
import dev.chatstore.storage.spi.SummarizationKey;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A valid argument list for any {@link dev.chatstore.storage.spi.ChatStore} operation, built from its parameter
 * types, with the chat id (or the chat of a chat-keyed argument) set to the chat under test. A new parameter type in
 * the SPI needs one line here; a new operation needs nothing.
 */
final class ArgumentFactory {
    static final Instant DATE = Instant.parse("2024-05-01T12:00:00Z");
    static final long USER_ID = 4242L;

    private ArgumentFactory() {
    }

    static Object[] arguments(OperationDescriptor operation, long chatId) {
        Type[] types = operation.method().getGenericParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            arguments[i] = i == operation.chatIdIndex() && types[i] == long.class ? chatId : value(types[i], chatId);
        }
        return arguments;
    }

    private static Object value(Type type, long chatId) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return List.of(value(parameterized.getActualTypeArguments()[0], chatId));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == long.class || raw == Long.class) {
            return USER_ID;
        }
        if (raw == int.class || raw == Integer.class) {
            return 10;
        }
        if (raw == boolean.class) {
            return true;
        }
        if (raw == String.class) {
            return "value";
        }
        if (raw == Instant.class) {
            return DATE;
        }
        if (raw == Duration.class) {
            return Duration.ofHours(1);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == MessageQuery.class) {
            return MessageQuery.all();
        }
        if (raw == ChatMessage.class) {
            return ChatMessage.builder(chatId, "m-" + chatId, USER_ID, DATE).text("hello").build();
        }
        if (raw == SpamMessage.class) {
            return new SpamMessage(chatId, USER_ID, "m-" + chatId, "buy now", SpamReason.AUTO, 0.9);
        }
        if (raw == SummarizationKey.class) {
            return new SummarizationKey(chatId, null, "1", "9", "summarize");
        }
        if (raw == MediaAttachment.class) {
            return MediaAttachment.builder("file-1", MessageType.IMAGE).build();
        }
        if (raw == MediaUpdate.class) {
            return MediaUpdate.builder().status(MediaStatus.DONE).build();
        }
        throw new IllegalArgumentException("ArgumentFactory has no value for parameter type " + type
                + "; add one for the new SPI type");
    }
}
