package dev.chatstore.reliability;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ConfigKey;
import dev.chatstore.storage.spi.ConfigKeyKind;
import dev.chatstore.storage.spi.MigrationResult;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.SourceStatus;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.StoreAdmin;
import dev.chatstore.storage.spi.StoreProvider;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A stand-in {@code sqlite} provider that reports whatever SQLite library version its source file holds as text, so
 * the host's version rule can be tested end to end with a library older than any sqlite-jdbc we could bundle. The
 * test packs this class into a PF4J plugin zip of its own (with a hand-written {@code extensions.idx}); it is never
 * on the host's class path. Its store answers {@link StoreAdmin#status()} and returns empty results otherwise.
 */
public final class FakeVersionProvider implements StoreProvider {
    @Override
    public String type() {
        return "sqlite";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(ConfigKey.required("path", ConfigKeyKind.PATH, "a text file holding the version to report"));
    }

    @Override
    public ChatStore open(SourceConfig source) {
        String version;
        try {
            version = Files.readString(Path.of(source.requireString("path"))).trim();
        } catch (IOException e) {
            throw new StorageException("fake source " + source.name() + ": cannot read " + source.location(), e);
        }
        SourceStatus status = new SourceStatus(source.name(), source.location(), source.readonly(), source.poolSize(), 0,
                "6", 0, 0, version, true, "");
        return (ChatStore) Proxy.newProxyInstance(FakeVersionProvider.class.getClassLoader(),
                new Class<?>[] {ChatStore.class, StoreAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "status" -> status;
                    case "migrate" -> new MigrationResult(source.name(), "6", "6", false);
                    case "toString" -> "FakeVersionProvider[" + version + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> empty(method.getReturnType());
                });
    }

    private static Object empty(Class<?> type) {
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == OptionalInt.class) {
            return OptionalInt.empty();
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }
}
