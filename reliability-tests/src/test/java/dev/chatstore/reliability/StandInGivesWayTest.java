package dev.chatstore.reliability;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.Storages;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A storage opened before its writable files exist reads what another storage later writes into them. */
class StandInGivesWayTest {
    @TempDir
    Path dir;

    @Test
    void aSecondStorageOpenedBeforeTheFilesExistSeesTheFirstOnesWrites() {
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("a", Map.of("path", dir.resolve("a.db").toString()));
        sources.put("b", Map.of("path", dir.resolve("b.db").toString()));
        StorageConfig config = Configs.fromMap(Map.of("default", "a", "sources", sources,
                "chatMapping", Map.of(-1002L, "b")));
        try (Storage writer = Storages.open(config, List.of(new SqliteStoreProvider()));
             Storage reader = Storages.open(config, List.of(new SqliteStoreProvider()))) {
            writer.updateChatInfo(-1001L, ChatType.SUPERGROUP, "a chat", null, false);
            writer.updateChatInfo(-1002L, ChatType.SUPERGROUP, "b chat", null, false);
            assertThat(reader.getChatInfo(-1001L)).as("point read on a").isPresent();
            assertThat(reader.getAllGroupChats()).as("fan-out").hasSize(2);
        }
    }
}
