package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.Route;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.chatstore.storage.routing.TestStores.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The metering layer, on a {@link SimpleMeterRegistry}: one {@code chatstore.operation} sample per call, tagged from
 * the operation's own facts (every SPI operation, none listed here), its target source and its outcome; fan-out
 * shares and skipped sources; nothing at all when metrics are off.
 */
class ChainMetricsTest {
    private static final long LIVE_CHAT = -1001111111111L;
    private static final long ARCHIVED_CHAT = -1002222222222L;

    /** "live" is writable and the default; "archive" is readonly and serves ARCHIVED_CHAT. */
    private final StorageConfig config = TestStores.config("live",
            List.of(TestStores.source("live"), TestStores.readonlySource("archive")),
            Map.of(LIVE_CHAT, "live", ARCHIVED_CHAT, "archive"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Storage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    static Stream<Named<OperationDescriptor>> operations() {
        return Operations.matching(operation -> true);
    }

    @ParameterizedTest
    @MethodSource("operations")
    void everyOperationIsTimedOnceWithItsFactsAndTarget(OperationDescriptor operation) {
        storage = Storages.of(config, Map.of("live", new InMemoryChatStore("live"),
                "archive", new InMemoryChatStore("archive")), registry);
        Object[] arguments = ArgumentFactory.arguments(operation, LIVE_CHAT);

        String outcome;
        try {
            invoke(storage, operation, arguments);
            outcome = "ok";
        } catch (RuntimeException e) {
            outcome = ChainMetrics.Outcome.of(e).tag();
        }

        Collection<Timer> timers = registry.find(MicrometerChainMetrics.OPERATION).timers();
        assertThat(timers).hasSize(1);
        Meter.Id id = timers.iterator().next().getId();
        assertThat(id.getTag("operation")).isEqualTo(operation.name());
        assertThat(id.getTag("access")).isEqualTo(operation.isWrite() ? "write" : "read");
        assertThat(id.getTag("outcome")).isEqualTo(outcome);
        assertThat(id.getTag("source")).isEqualTo(operation.route() == Route.FAN_OUT
                ? ChainMetrics.SEVERAL_SOURCES : "live");
        assertThat(timers.iterator().next().count()).isEqualTo(1);
        if (operation.route() == Route.FAN_OUT) {
            assertThat(registry.find(MicrometerChainMetrics.FAN_OUT_SOURCE).tag("operation", operation.name())
                    .timers()).extracting(timer -> timer.getId().getTag("source"))
                    .containsExactlyInAnyOrder("live", "archive");
        }
    }

    @Test
    void aWriteRefusedByTheGuardIsCountedAsReadonlyForItsSource() {
        storage = Storages.of(config, Map.of("live", new InMemoryChatStore("live"),
                "archive", new InMemoryChatStore("archive")), registry);
        OperationDescriptor write = first(operation -> operation.isWrite() && operation.route() == Route.CHAT);

        assertThatThrownBy(() -> invoke(storage, write, ArgumentFactory.arguments(write, ARCHIVED_CHAT)))
                .isInstanceOf(ReadOnlySourceException.class);
        assertThatThrownBy(() -> invoke(storage.source("archive"), write, ArgumentFactory.arguments(write, LIVE_CHAT)))
                .isInstanceOf(ReadOnlySourceException.class);

        Timer refused = registry.get(MicrometerChainMetrics.OPERATION).tag("source", "archive")
                .tag("operation", write.name()).tag("outcome", "readonly").timer();
        assertThat(refused.count()).isEqualTo(2);
        assertThat(registry.find(MicrometerChainMetrics.OPERATION).tag("outcome", "ok").timers()).isEmpty();
    }

    @Test
    void unavailableAndOtherFailuresAreTheirOwnOutcomes() {
        OperationDescriptor read = first(operation -> !operation.isWrite() && operation.route() == Route.CHAT);
        ChatStore failing = TestStores.intercepting(new InMemoryChatStore("live"), read.name(), arguments -> {
            if ((Long) arguments[read.chatIdIndex()] == LIVE_CHAT) {
                throw new SourceUnavailableException("live", "Source 'live' is down", null);
            }
            throw new IllegalStateException("a bug");
        });
        storage = Storages.of(config, Map.of("live", failing, "archive", new InMemoryChatStore("archive")), registry);

        assertThatThrownBy(() -> invoke(storage, read, ArgumentFactory.arguments(read, LIVE_CHAT)))
                .isInstanceOf(SourceUnavailableException.class);
        assertThatThrownBy(() -> invoke(storage, read, ArgumentFactory.arguments(read, 5L)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(registry.get(MicrometerChainMetrics.OPERATION).tag("outcome", "unavailable").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(MicrometerChainMetrics.OPERATION).tag("outcome", "error").timer().count())
                .isEqualTo(1);
    }

    @Test
    void aFailingFanOutSourceIsCountedAsSkipped() {
        OperationDescriptor fanOut = first(operation -> operation.route() == Route.FAN_OUT);
        ChatStore failing = TestStores.intercepting(new InMemoryChatStore("archive"), fanOut.name(), arguments -> {
            throw new IllegalStateException("disk on fire");
        });
        storage = Storages.of(config, Map.of("live", new InMemoryChatStore("live"), "archive", failing), registry);

        invoke(storage, fanOut, ArgumentFactory.arguments(fanOut, LIVE_CHAT));

        assertThat(registry.get(MicrometerChainMetrics.FAN_OUT_SKIPPED).tag("source", "archive")
                .tag("operation", fanOut.name()).tag("reason", "error").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(MicrometerChainMetrics.FAN_OUT_SOURCE).tag("source", "archive")
                .tag("outcome", "error").timer().count()).isEqualTo(1);
        assertThat(registry.get(MicrometerChainMetrics.FAN_OUT_SOURCE).tag("source", "live")
                .tag("outcome", "ok").timer().count()).isEqualTo(1);
        assertThat(registry.find(MicrometerChainMetrics.FAN_OUT_SKIPPED).tag("source", "live").counters()).isEmpty();
    }

    /** The global registry's chain metrics, unless {@code -Dchatstore.metrics=off} (the host's one-shot commands). */
    @Test
    void theClassPathChoiceHonoursTheSwitch() {
        assertThat(ChainMetrics.fromClassPath().enabled()).isTrue();
        System.setProperty("chatstore.metrics", "off");
        try {
            assertThat(ChainMetrics.fromClassPath()).isSameAs(ChainMetrics.NONE);
        } finally {
            System.clearProperty("chatstore.metrics");
        }
    }

    @Test
    void withoutARegistryNothingIsMeteredAndTheChainStillWorks() {
        storage = Storages.of(config, Map.of("live", new InMemoryChatStore("live"),
                "archive", new InMemoryChatStore("archive")), null);
        OperationDescriptor write = first(operation -> operation.isWrite() && operation.route() == Route.CHAT);

        assertThatThrownBy(() -> invoke(storage, write, ArgumentFactory.arguments(write, ARCHIVED_CHAT)))
                .isInstanceOf(ReadOnlySourceException.class);
        assertThat(registry.getMeters()).isEmpty();
    }

    private static OperationDescriptor first(java.util.function.Predicate<OperationDescriptor> filter) {
        return OperationDescriptor.all().stream().filter(filter).findFirst().orElseThrow();
    }
}
