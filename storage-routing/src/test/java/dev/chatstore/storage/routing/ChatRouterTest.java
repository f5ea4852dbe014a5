package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The router alone, over in-memory sources and a mock aggregator. */
class ChatRouterTest {
    private static final long MAPPED = -7L;
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final StorageConfig config = TestStores.config("main",
            List.of(TestStores.source("main"), TestStores.source("side")), Map.of(MAPPED, "side"));
    private final InMemoryChatStore main = new InMemoryChatStore("main");
    private final InMemoryChatStore side = new InMemoryChatStore("side");
    private final ChatStore aggregator = mock(ChatStore.class);
    private final ChatStore router = new ChatRouter(aggregator, config, Map.of("main", main, "side", side))
            .asChatStore();

    @Test
    void fanOutReadsGoToTheAggregatorAndNothingElseDoes() {
        ChatInfo merged = new ChatInfo(1L, ChatType.GROUP, "merged", null, false, NOW, NOW);
        when(aggregator.getAllGroupChats()).thenReturn(List.of(merged));

        router.updateChatInfo(MAPPED, ChatType.GROUP, "side's", null, false);
        router.setSetting("k", "v");

        assertThat(router.getAllGroupChats()).containsExactly(merged);
        verify(aggregator).getAllGroupChats();
        assertThat(side.getChatInfo(MAPPED)).isPresent();
        assertThat(main.getChatInfo(MAPPED)).isEmpty();
        assertThat(main.getSetting("k")).contains("v");
    }

    @Test
    void batchIsSplitByEachItemsSourceWithNullItemsRejectedBeforeAnyWrite() {
        ChatMessage toSide = ChatMessage.builder(MAPPED, "1", 1L, NOW).build();
        ChatMessage toMain = ChatMessage.builder(1L, "2", 1L, NOW).build();
        List<ChatMessage> withNull = new java.util.ArrayList<>(List.of(toSide, toMain));
        withNull.add(null);

        assertThatThrownBy(() -> router.addChatMessages(withNull))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("messages[2] is null");
        assertThat(side.getChatMessages(MAPPED, MessageQuery.all())).isEmpty();

        assertThat(router.addChatMessages(List.of(toSide, toMain))).isEqualTo(2);
        assertThat(side.getChatMessages(MAPPED, MessageQuery.all())).containsExactly(toSide);
        assertThat(main.getChatMessages(1L, MessageQuery.all())).containsExactly(toMain);
        verifyNoInteractions(aggregator);
    }

    @Test
    void nullChatArgumentIsRejectedByParameterName() {
        assertThatThrownBy(() -> router.addChatMessage(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("message is null");
        assertThatThrownBy(() -> router.addChatMessages(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("messages is null");
    }
}
