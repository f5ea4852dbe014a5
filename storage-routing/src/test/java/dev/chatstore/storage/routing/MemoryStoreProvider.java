package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.ConfigKeyKind;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreProvider;
import dev.chatstore.storage.testkit.InMemoryChatStore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test {@link StoreProvider} of type {@code "memory"}: one {@link InMemoryChatStore} per source. */
final class MemoryStoreProvider implements StoreProvider {
    static final String TYPE = "memory";

    final Map<String, InMemoryChatStore> opened = new ConcurrentHashMap<>();
    final List<ClassLoader> contextLoaders = new CopyOnWriteArrayList<>();

    @Override
    public String type() {
        return TYPE;
    }

    /** Takes a {@code path} like a file backend would, so the guide's configs read unchanged. */
    @Override
    public List<ConfigKey> configKeys() {
        return List.of(ConfigKey.optional("path", ConfigKeyKind.PATH, null, "ignored: the data lives in memory"));
    }

    @Override
    public ChatStore open(SourceConfig source) {
        contextLoaders.add(Thread.currentThread().getContextClassLoader());
        InMemoryChatStore store = new InMemoryChatStore(source.name());
        opened.put(source.name(), store);
        return store;
    }
}
