package dev.chatstore.storage.routing;

import dev.chatstore.storage.config.SourceKeys;
import dev.chatstore.storage.config.StorageConfigReader;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.StorageConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The multi-source guide's examples, over the real chain with in-memory sources: the basic example's config (a
 * live database plus a readonly archive with two mapped chats), with {@code type = "memory"}.
 */
class GuideExamplesTest {
    private static final String BASIC = """
            [database]
            default = "primary"

            [database.sources.primary]
            path = "data/primary.db"
            readonly = false
            pool-size = 5
            timeout = 30.0
            type = "memory"

            [database.sources.archive]
            path = "data/archive.db"
            readonly = true
            pool-size = 3
            timeout = 15.0
            type = "memory"

            [database.chatMapping]
            -1001234567890 = "archive"
            -1009876543210 = "archive"
            """;
    private static final long ARCHIVED_CHAT = -1001234567890L;
    private static final long LIVE_CHAT = -1005555555555L;
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final MemoryStoreProvider provider = new MemoryStoreProvider();
    private final Storage storage = Storages.open(StorageConfigReader.fromToml(BASIC, Path.of("/bots/example"),
            SourceKeys.of(List.of(provider))), List.of(provider));

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void readsOfAMappedChatComeFromItsSource() {
        // The archive is readonly through the storage; its file was filled by the bot that wrote it back then.
        provider.opened.get("archive").addChatMessage(message(ARCHIVED_CHAT, "1", "from last year"));

        assertThat(storage.getChatMessages(ARCHIVED_CHAT, MessageQuery.all()))
                .extracting(ChatMessage::text).containsExactly("from last year");
        assertThat(storage.route(ARCHIVED_CHAT, null).reason()).isEqualTo(RouteReason.MAPPING);
    }

    @Test
    void explicitSourceOverridesTheMapping() {
        storage.source("primary").addChatMessage(message(ARCHIVED_CHAT, "1", "explicitly to primary"));

        assertThat(storage.source("primary").getChatMessages(ARCHIVED_CHAT, MessageQuery.all()))
                .extracting(ChatMessage::text).containsExactly("explicitly to primary");
        assertThat(provider.opened.get("primary").getChatMessages(ARCHIVED_CHAT, MessageQuery.all())).hasSize(1);
        assertThat(storage.getChatMessages(ARCHIVED_CHAT, MessageQuery.all())).isEmpty();
        assertThat(storage.route(ARCHIVED_CHAT, "primary"))
                .isEqualTo(new RouteDecision("primary", RouteReason.EXPLICIT, false));
    }

    @Test
    void callsWithoutAChatGoToTheDefaultSource() {
        storage.setSetting("greeting", "hello");

        assertThat(provider.opened.get("primary").getSetting("greeting")).contains("hello");
        assertThat(provider.opened.get("archive").getSetting("greeting")).isEmpty();
        assertThat(storage.getSetting("greeting")).contains("hello");
    }

    @Test
    void writeToTheReadonlyArchiveFailsWithTheGuidesMessage() {
        assertThatThrownBy(() -> storage.addChatMessage(message(ARCHIVED_CHAT, "1", "too late")))
                .isInstanceOf(ReadOnlySourceException.class)
                .hasMessageStartingWith("Cannot perform write operation on readonly source 'archive'. "
                        + "This source is configured as readonly.");
        assertThatThrownBy(() -> storage.source("archive").setSetting("k", "v"))
                .isInstanceOf(ReadOnlySourceException.class)
                .hasMessageStartingWith("Cannot perform write operation on readonly source 'archive'.");
        assertThat(provider.opened.get("archive").getChatMessages(ARCHIVED_CHAT, MessageQuery.all())).isEmpty();
    }

    @Test
    void getAllGroupChatsSpansEverySource() {
        storage.updateChatInfo(LIVE_CHAT, ChatType.SUPERGROUP, "Live group", null, false);
        provider.opened.get("archive").updateChatInfo(ARCHIVED_CHAT, ChatType.GROUP, "Old group", null, false);
        provider.opened.get("archive").updateChatInfo(-1009876543210L, ChatType.PRIVATE, "Not a group", null, false);

        assertThat(storage.getAllGroupChats()).extracting(ChatInfo::chatId, ChatInfo::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LIVE_CHAT, "Live group"),
                        org.assertj.core.groups.Tuple.tuple(ARCHIVED_CHAT, "Old group"));
        assertThat(storage.source("archive").getAllGroupChats()).extracting(ChatInfo::title)
                .containsExactly("Old group");
    }

    private static ChatMessage message(long chatId, String id, String text) {
        return ChatMessage.builder(chatId, id, 42L, NOW).text(text).build();
    }
}
