package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
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

    @Override
    public ChatStore open(SourceConfig source) {
        contextLoaders.add(Thread.currentThread().getContextClassLoader());
        InMemoryChatStore store = new InMemoryChatStore(source.name());
        opened.put(source.name(), store);
        return store;
    }
}
