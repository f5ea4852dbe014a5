package dev.chatstore.sqlite;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OperationDescriptor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin's shape: one part per SPI sub-interface, and no operation spelled out in its code. */
class SqlitePartsTest {
    private static final List<Class<?>> PARTS = List.of(SqliteSettings.class, SqliteMessages.class, SqliteUsers.class,
            SqliteUserData.class, SqliteChatSettings.class, SqliteChatInfo.class, SqliteMedia.class,
            SqliteDelayedTasks.class, SqliteSpam.class, SqliteCaches.class);

    @Test
    void eachSubInterfaceOfChatStoreHasExactlyOnePart() {
        List<Class<?>> served = new ArrayList<>();
        for (Class<?> part : PARTS) {
            served.addAll(Arrays.asList(part.getInterfaces()));
        }
        List<Class<?>> spi = Arrays.stream(ChatStore.class.getInterfaces()).filter(i -> i != AutoCloseable.class).toList();
        assertThat(served).containsExactlyInAnyOrderElementsOf(spi);
    }

    @Test
    void noOperationNameIsAStringLiteralInThePluginsCode() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (OperationDescriptor operation : OperationDescriptor.all()) {
                    if (source.contains("\"" + operation.name() + "\"")) {
                        found.add(file.getFileName() + ": \"" + operation.name() + "\"");
                    }
                }
            }
        }
        assertThat(found).as("operation names come from OperationDescriptor via StoreParts").isEmpty();
    }
}
