package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.DuplicateMessageException;
import dev.chatstore.storage.spi.OperationDescriptor;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.chatstore.storage.testkit.Samples.CHAT;
import static dev.chatstore.storage.testkit.Samples.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coverage guard's bookkeeping: what it records, and that it reports every operation left uncalled. */
class OperationRecorderTest {
    @Test
    void recordsOperationsCalledThroughItIncludingOnesThatThrow() {
        Set<String> calls = ConcurrentHashMap.newKeySet();
        try (ChatStore store = OperationRecorder.wrap(new InMemoryChatStore(), calls)) {
            store.addChatMessage(message("1", 0));
            assertThatThrownBy(() -> store.addChatMessage(message("1", 0)))
                    .as("the store's own exception, not a reflection wrapper")
                    .isInstanceOf(DuplicateMessageException.class);
            assertThat(store.getChatMessage(CHAT, "1")).isPresent();
            assertThat(store.toString()).startsWith("recording");
        }

        assertThat(calls).containsExactlyInAnyOrder("addChatMessage", "getChatMessage");
    }

    @Test
    void missingListsEveryOperationNotCalled() {
        assertThat(OperationRecorder.missing(Set.of())).hasSize(53).contains("addHamMessage", "addChatMessages");
        assertThat(OperationRecorder.missing(Set.of("addHamMessage", "close", "toString")))
                .hasSize(52).doesNotContain("addHamMessage");
        assertThat(OperationRecorder.missing(OperationDescriptor.all().stream().map(OperationDescriptor::name)
                .toList())).isEmpty();
    }
}
