package dev.chatstore.storage.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bot without Micrometer on its class path runs storage-jdbc backends unchanged: the test class path minus
 * Micrometer's jars, in a class loader of its own, opens a source with a size gauge, reads, writes and closes it.
 */
class WithoutMicrometerTest {
    @TempDir
    Path dir;

    @Test
    void aSourceOpensAndWorksWithoutMicrometer() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(classPathWithoutMicrometer(),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);

            Object result = Class.forName(Probe.class.getName(), true, loader).getMethod("run", Path.class)
                    .invoke(null, dir);

            assertThat(result).isEqualTo(1L);
        }
    }

    private static URL[] classPathWithoutMicrometer() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("micrometer"))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
    }

    /** Runs inside the Micrometer-free class loader. */
    public static final class Probe {
        private Probe() {
        }

        public static long run(Path dir) {
            var config = TestSources.config(dir, Duration.ofSeconds(5));
            try (JdbcSource source = JdbcSource.builder(config, "loc", TestSources.DIALECT, TestSources.pool(config))
                    .sizeGauge(new SizeGauge("chatstore.test.size", "a size", () -> 1))
                    .build()) {
                source.exclusive("setup", s -> s.update("CREATE TABLE t (k INTEGER PRIMARY KEY)"));
                source.write(s -> s.update("INSERT INTO t (k) VALUES (?)", 7L));
                return source.read(s -> s.queryLong("SELECT count(*) FROM t", -1));
            }
        }
    }
}
