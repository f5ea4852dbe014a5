package com.example.chatstore;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.ConfigKeyKind;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreProvider;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.pf4j.Extension;

import java.util.List;

/**
 * Storage type {@code example}: each source is a private in-memory store, gone when the source closes. A source
 * takes one key of its own, {@code label}, shown in the store's name:
 *
 * <pre>
 * [database.sources.scratch]
 * type = "example"
 * label = "scratch space"
 * </pre>
 *
 * <p>It has no {@code StoreAdmin}: the host lists it from its config and {@code migrate} reports "no schema
 * migrations". Stateless and thread-safe.
 */
@Extension
public final class ExampleStoreProvider implements StoreProvider {
    public static final String TYPE = "example";
    static final ConfigKey LABEL = ConfigKey.optional("label", ConfigKeyKind.STRING, "example",
            "a name for the source, shown in messages");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(LABEL);
    }

    @Override
    public ChatStore open(SourceConfig source) {
        String label = source.option(LABEL.name(), String.class).orElse((String) LABEL.defaultValue());
        return new InMemoryChatStore(source.name() + " (" + label + ")");
    }
}
