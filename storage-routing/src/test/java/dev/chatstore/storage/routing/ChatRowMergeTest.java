package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.StorageConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.chatstore.storage.routing.TestStores.config;
import static dev.chatstore.storage.routing.TestStores.source;
import static org.assertj.core.api.Assertions.assertThat;

class ChatRowMergeTest {
    // main is the default; chat -3 is mapped to c, the last source in config order.
    private final StorageConfig config = config("main",
            List.of(source("main"), source("b"), source("c")), Map.of(-3L, "c"));

    private static ChatInfo chat(long id, String title) {
        return new ChatInfo(id, ChatType.GROUP, title, null, false, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void ownerWinsThenConfigOrderAndRowsComeOutByChatId() {
        ChatRowMerge merge = new ChatRowMerge(new RoutingRules(config));
        merge.offerRows("c", List.of(chat(-3, "c owns -3"), chat(7, "c's 7")));
        merge.offerRows("b", List.of(chat(-3, "b's -3"), chat(5, "b's 5"), chat(7, "b's 7")));
        merge.offerRows("main", List.of(chat(5, "main owns 5")));

        assertThat(merge.<ChatInfo>sourced()).extracting(s -> s.sourceName() + ":" + s.value().title())
                .containsExactly("c:c owns -3", "main:main owns 5", "b:b's 7");
    }

    @Test
    void unsortedListsAndRepeatedChatsWithinOneSourceStillMergeOncePerChat() {
        ChatRowMerge merge = new ChatRowMerge(new RoutingRules(config));
        merge.offerRows("b", List.of(chat(9, "b first 9"), chat(1, "b's 1"), chat(9, "b second 9")));
        merge.offerRows("c", List.of(chat(4, "c's 4"), chat(-8, "c's -8")));

        assertThat(merge.rows()).extracting(row -> ((ChatInfo) row).title())
                .containsExactly("c's -8", "b's 1", "c's 4", "b first 9");
    }

    @Test
    void mapsMergeByKeyWithTheSameRule() {
        ChatRowMerge merge = new ChatRowMerge(new RoutingRules(config));
        Map<Long, String> fromB = new LinkedHashMap<>();
        fromB.put(-3L, "b");
        fromB.put(2L, "b");
        merge.offerMap("b", fromB);
        merge.offerMap("c", Map.of(-3L, "c"));

        assertThat(merge.map()).containsExactly(Map.entry(-3L, "c"), Map.entry(2L, "b"));
    }
}
