package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.Nullable;
import dev.chatstore.storage.spi.CacheType;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaUpdate;
import dev.chatstore.storage.spi.MessageCategory;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.MessageType;
import dev.chatstore.storage.spi.SpamMessage;
import dev.chatstore.storage.spi.SummarizationKey;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.chatstore.storage.testkit.Samples.CHAT;

/** Valid arguments for any {@link dev.chatstore.storage.spi.ChatStore} operation, for tests that call them all. */
final class SampleArguments {
    /** The parameters the SPI documents as "or null". */

    private static final Map<Class<?>, Object> VALUES = Map.ofEntries(
            Map.entry(long.class, CHAT),
            Map.entry(int.class, 10),
            Map.entry(boolean.class, true),
            Map.entry(Long.class, 1L),
            Map.entry(Integer.class, 1),
            Map.entry(String.class, "sample"),
            Map.entry(Instant.class, Samples.T0),
            Map.entry(Duration.class, Duration.ofHours(1)),
            Map.entry(ChatMessage.class, Samples.message("sample", 0)),
            Map.entry(List.class, List.of(Samples.message("sample", 0))),
            Map.entry(MessageQuery.class, MessageQuery.all()),
            Map.entry(MessageCategory.class, MessageCategory.BOT),
            Map.entry(ChatType.class, ChatType.SUPERGROUP),
            Map.entry(SummarizationKey.class, new SummarizationKey(CHAT, null, "1", "2", "sample")),
            Map.entry(MediaAttachment.class, MediaAttachment.builder("sample", MessageType.IMAGE).build()),
            Map.entry(MediaUpdate.class, MediaUpdate.builder().build()),
            Map.entry(SpamMessage.class, Samples.spam(CHAT, Samples.ALICE, "1", "sample")),
            Map.entry(CacheType.class, CacheType.WEATHER));

    private SampleArguments() {
    }

    static Object[] of(Method method) {
        Object[] args = new Object[method.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Class<?> type = method.getParameterTypes()[i];
            args[i] = VALUES.get(type);
            if (args[i] == null) {
                throw new IllegalStateException("No sample argument of " + type + " for " + method.getName()
                        + "; add one to SampleArguments");
            }
        }
        return args;
    }

    static boolean isNullable(Method method, Parameter parameter) {
        return parameter.isAnnotationPresent(Nullable.class);
    }
}
