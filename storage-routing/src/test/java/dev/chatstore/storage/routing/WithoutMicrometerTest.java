package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer is optional for storage-routing: in a class loader without it, the chain is built without its metering
 * layer and works.
 */
class WithoutMicrometerTest {
    @Test
    void theChainRunsWithoutMicrometer() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        URL[] urls = Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.contains("micrometer"))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);

            Object description = Class.forName(Probe.class.getName(), true, loader).getMethod("run").invoke(null);

            assertThat(description).isEqualTo("Storage[default=a, sources=[a]] read 0 messages");
        }
    }

    /** Runs inside the Micrometer-free class loader. */
    public static final class Probe {
        private Probe() {
        }

        public static String run() {
            StorageConfig config = new StorageConfig("a", List.of(TestStores.source("a")), Map.of(),
                    OnSourceFailure.SKIP);
            try (Storage storage = Storages.of(config, Map.of("a", new InMemoryChatStore("a")))) {
                return storage + " read " + storage.getChatMessages(1L,
                        dev.chatstore.storage.spi.MessageQuery.latest(5)).size() + " messages";
            }
        }
    }
}
