package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.Route;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.UnknownSourceException;
import dev.chatstore.storage.testkit.InMemoryChatStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static dev.chatstore.storage.routing.TestStores.config;
import static dev.chatstore.storage.routing.TestStores.invoke;
import static dev.chatstore.storage.routing.TestStores.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Routing priority for every operation, generated from the SPI's {@code @Operation} facts: each operation is called
 * with generic arguments and the in-memory source that received it is read from recording proxies.
 */
class RoutingPriorityTest {
    private static final long MAPPED_CHAT = -1001234567890L;
    private static final long UNMAPPED_CHAT = -1009999999999L;
    private static final List<String> NAMES = List.of("primary", "archive", "scratch");

    private final Map<String, Queue<String>> calls = new LinkedHashMap<>();
    private Storage storage;

    @BeforeEach
    void openStorage() {
        StorageConfig config = config("primary", NAMES.stream().map(TestStores::source).toList(),
                Map.of(MAPPED_CHAT, "archive"));
        Map<String, ChatStore> stores = new LinkedHashMap<>();
        for (String name : NAMES) {
            calls.put(name, new ConcurrentLinkedQueue<>());
            stores.put(name, TestStores.recording(new InMemoryChatStore(name), calls.get(name)));
        }
        storage = Storages.of(config, stores);
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    static Stream<Named<OperationDescriptor>> chatScoped() {
        return Operations.matching(operation -> operation.route() == Route.CHAT);
    }

    static Stream<Named<OperationDescriptor>> defaultRouted() {
        return Operations.matching(operation -> operation.route() == Route.DEFAULT);
    }

    static Stream<Named<OperationDescriptor>> fanOut() {
        return Operations.matching(operation -> operation.route() == Route.FAN_OUT);
    }

    @Test
    void everyOperationIsCoveredByOneOfTheRoutes() {
        assertThat(Stream.of(chatScoped(), defaultRouted(), fanOut()).flatMap(s -> s).count())
                .isEqualTo(OperationDescriptor.all().size())
                .isGreaterThanOrEqualTo(52);
    }

    @ParameterizedTest
    @MethodSource("chatScoped")
    void mappedChatGoesToItsMappedSource(OperationDescriptor operation) {
        invoke(storage, operation, ArgumentFactory.arguments(operation, MAPPED_CHAT));

        assertOnlyReceivedBy("archive", operation);
    }

    @ParameterizedTest
    @MethodSource("chatScoped")
    void unmappedChatGoesToTheDefaultSource(OperationDescriptor operation) {
        invoke(storage, operation, ArgumentFactory.arguments(operation, UNMAPPED_CHAT));

        assertOnlyReceivedBy("primary", operation);
    }

    @ParameterizedTest
    @MethodSource("chatScoped")
    void explicitSourceBeatsTheMapping(OperationDescriptor operation) {
        invoke(storage.source("scratch"), operation, ArgumentFactory.arguments(operation, MAPPED_CHAT));

        assertOnlyReceivedBy("scratch", operation);
    }

    @ParameterizedTest
    @MethodSource("chatScoped")
    void explicitSourceBeatsTheDefault(OperationDescriptor operation) {
        invoke(storage.source("archive"), operation, ArgumentFactory.arguments(operation, UNMAPPED_CHAT));

        assertOnlyReceivedBy("archive", operation);
    }

    @ParameterizedTest
    @MethodSource("defaultRouted")
    void operationWithoutChatGoesToTheDefaultSource(OperationDescriptor operation) {
        invoke(storage, operation, ArgumentFactory.arguments(operation, UNMAPPED_CHAT));

        assertOnlyReceivedBy("primary", operation);
    }

    @ParameterizedTest
    @MethodSource("defaultRouted")
    void operationWithoutChatGoesToTheExplicitSource(OperationDescriptor operation) {
        invoke(storage.source("scratch"), operation, ArgumentFactory.arguments(operation, UNMAPPED_CHAT));

        assertOnlyReceivedBy("scratch", operation);
    }

    @ParameterizedTest
    @MethodSource("fanOut")
    void fanOutReadAsksEverySource(OperationDescriptor operation) {
        invoke(storage, operation, ArgumentFactory.arguments(operation, UNMAPPED_CHAT));

        calls.forEach((name, received) -> assertThat(received).as(name).containsExactly(operation.name()));
    }

    @ParameterizedTest
    @MethodSource("fanOut")
    void fanOutReadWithExplicitSourceAsksOnlyThatSource(OperationDescriptor operation) {
        invoke(storage.source("archive"), operation, ArgumentFactory.arguments(operation, UNMAPPED_CHAT));

        assertOnlyReceivedBy("archive", operation);
    }

    @Test
    void unknownSourceIsAnErrorListingTheConfiguredNamesNeverAFallback() {
        assertThatThrownBy(() -> storage.source("archiv"))
                .isInstanceOf(UnknownSourceException.class)
                .hasMessageStartingWith("Source 'archiv' not found in configuration")
                .hasMessageContaining("primary, archive, scratch");
        assertThatThrownBy(() -> storage.route(MAPPED_CHAT, "archiv")).isInstanceOf(UnknownSourceException.class);
        assertThatThrownBy(() -> storage.isReadonly("archiv")).isInstanceOf(UnknownSourceException.class);
        assertThatThrownBy(() -> storage.admin("archiv")).isInstanceOf(UnknownSourceException.class);
        calls.values().forEach(received -> assertThat(received).isEmpty());
    }

    @Test
    void routeExplainsTheDecision() {
        assertThat(storage.route(MAPPED_CHAT, null)).isEqualTo(new RouteDecision("archive", RouteReason.MAPPING, false));
        assertThat(storage.route(UNMAPPED_CHAT, null)).isEqualTo(new RouteDecision("primary", RouteReason.DEFAULT, false));
        assertThat(storage.route(MAPPED_CHAT, "scratch"))
                .isEqualTo(new RouteDecision("scratch", RouteReason.EXPLICIT, false));
    }

    private void assertOnlyReceivedBy(String expected, OperationDescriptor operation) {
        calls.forEach((name, received) -> {
            if (name.equals(expected)) {
                assertThat(received).as("calls received by %s", name).containsExactly(operation.name());
            } else {
                assertThat(received).as("calls received by %s", name).isEmpty();
            }
        });
    }
}
