package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageConfigException;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Storage#replaceChatMapping}: every layer (guard, router, batch split, route, config) follows the swap. */
class MappingSwapTest {
    private static final long CHAT = -100L;
    private final InMemoryChatStore main = new InMemoryChatStore("main");
    private final InMemoryChatStore other = new InMemoryChatStore("other");
    private final InMemoryChatStore archive = new InMemoryChatStore("archive");
    private final Storage storage = Storages.of(TestStores.config("main", List.of(TestStores.source("main"),
                    TestStores.source("other"), TestStores.readonlySource("archive")), Map.of(CHAT, "main")),
            Map.of("main", main, "other", other, "archive", archive));

    @AfterEach
    void close() {
        storage.close();
    }

    private static ChatMessage message(String id) {
        return ChatMessage.builder(CHAT, id, 1L, Instant.parse("2024-05-01T12:00:00Z")).text(id).build();
    }

    @Test
    void writesReadsAndBatchesFollowTheNewMapping() {
        storage.addChatMessage(message("1"));
        Map<Long, String> replaced = storage.replaceChatMapping(Map.of(CHAT, "other"));

        storage.addChatMessage(message("2"));
        storage.addChatMessages(List.of(message("3")));

        assertThat(replaced).containsExactly(Map.entry(CHAT, "main"));
        assertThat(main.getChatMessages(CHAT, MessageQuery.all())).extracting(ChatMessage::messageId)
                .containsExactly("1");
        assertThat(other.getChatMessages(CHAT, MessageQuery.all())).extracting(ChatMessage::messageId)
                .containsExactlyInAnyOrder("2", "3");
        assertThat(storage.getChatMessages(CHAT, MessageQuery.all())).extracting(ChatMessage::messageId)
                .containsExactlyInAnyOrder("2", "3");
        assertThat(storage.route(CHAT, null).sourceName()).isEqualTo("other");
        assertThat(storage.config().sourceNameForChat(CHAT)).isEqualTo("other");
    }

    @Test
    void theReadonlyGuardFollowsTheSwap() {
        storage.replaceChatMapping(Map.of(CHAT, "archive"));

        assertThatThrownBy(() -> storage.updateChatInfo(CHAT, ChatType.GROUP, "t", null, false))
                .isInstanceOf(ReadOnlySourceException.class).hasMessageContaining("archive");
        assertThat(archive.getChatInfo(CHAT)).isEmpty();
    }

    @Test
    void anInvalidMappingIsRefusedAndTheRunningOneKept() {
        StorageConfig before = storage.config();

        assertThatThrownBy(() -> storage.replaceChatMapping(Map.of(CHAT, "nope", 5L, "missing")))
                .isInstanceOf(StorageConfigException.class).hasMessageContaining("nope").hasMessageContaining("missing");
        assertThat(storage.config()).isSameAs(before);
        assertThat(storage.route(CHAT, null).sourceName()).isEqualTo("main");
    }
}
