package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.Access;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.Route;
import dev.chatstore.storage.spi.StorageConfig;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.invocation.Invocation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.chatstore.storage.routing.TestStores.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verifyNoInteractions;

/** The guard refuses every write to a readonly source before its delegate (a Mockito mock) sees anything. */
class ReadOnlyGuardTest {
    private static final long LIVE_CHAT = -1001111111111L;
    private static final long ARCHIVED_CHAT = -1002222222222L;
    private static final String MESSAGE = "Cannot perform write operation on readonly source 'archive'. "
            + "This source is configured as readonly.";

    /** "archive" is readonly and the default; "live" is writable and serves LIVE_CHAT. */
    private final StorageConfig config = TestStores.config("archive",
            List.of(TestStores.readonlySource("archive"), TestStores.source("live")),
            Map.of(LIVE_CHAT, "live", ARCHIVED_CHAT, "archive"));
    private final ChatStore delegate = mock(ChatStore.class);
    private final ChatStore guard = new ReadOnlyGuard(delegate, config).asChatStore();

    static Stream<Named<OperationDescriptor>> writes() {
        return Operations.matching(OperationDescriptor::isWrite);
    }

    static Stream<Named<OperationDescriptor>> chatScopedWrites() {
        return Operations.matching(operation -> operation.isWrite() && operation.route() == Route.CHAT);
    }

    static Stream<Named<OperationDescriptor>> reads() {
        return Operations.matching(operation -> operation.access() == Access.READ);
    }

    @ParameterizedTest
    @MethodSource("writes")
    void writeRoutedToReadonlySourceIsRefusedBeforeTheDelegate(OperationDescriptor operation) {
        Object[] arguments = ArgumentFactory.arguments(operation, ARCHIVED_CHAT);

        assertThatThrownBy(() -> invoke(guard, operation, arguments))
                .isInstanceOf(ReadOnlySourceException.class)
                .hasMessageStartingWith(MESSAGE)
                .hasMessageContaining(operation.name())
                .satisfies(e -> {
                    assertThat(((ReadOnlySourceException) e).sourceName()).isEqualTo("archive");
                    assertThat(((ReadOnlySourceException) e).operation()).isEqualTo(operation.name());
                });
        verifyNoInteractions(delegate);
    }

    @ParameterizedTest
    @MethodSource("writes")
    void everyWriteThroughAPinnedReadonlySourceIsRefused(OperationDescriptor operation) {
        ChatStore pinned = ReadOnlyGuard.pinned(delegate, config, "archive").asChatStore();

        assertThatThrownBy(() -> invoke(pinned, operation, ArgumentFactory.arguments(operation, LIVE_CHAT)))
                .isInstanceOf(ReadOnlySourceException.class)
                .hasMessageStartingWith(MESSAGE);
        verifyNoInteractions(delegate);
    }

    @ParameterizedTest
    @MethodSource("chatScopedWrites")
    void writeRoutedToWritableSourcePasses(OperationDescriptor operation) {
        Object[] arguments = ArgumentFactory.arguments(operation, LIVE_CHAT);

        invoke(guard, operation, arguments);

        assertSingleCall(operation, arguments);
    }

    @ParameterizedTest
    @MethodSource("reads")
    void readsPassEvenWhenTheTargetIsReadonly(OperationDescriptor operation) {
        Object[] arguments = ArgumentFactory.arguments(operation, ARCHIVED_CHAT);

        invoke(guard, operation, arguments);

        assertSingleCall(operation, arguments);
    }

    @Test
    void batchTouchingAReadonlySourceIsRefusedWhole() {
        List<ChatMessage> batch = List.of(
                ChatMessage.builder(LIVE_CHAT, "1", 7, ArgumentFactory.DATE).build(),
                ChatMessage.builder(ARCHIVED_CHAT, "2", 7, ArgumentFactory.DATE).build());

        assertThatThrownBy(() -> guard.addChatMessages(batch))
                .isInstanceOf(ReadOnlySourceException.class)
                .hasMessageStartingWith(MESSAGE);
        verifyNoInteractions(delegate);
    }

    @Test
    void nullChatKeyedArgumentIsACallerErrorNotAWrite() {
        assertThatThrownBy(() -> guard.addChatMessage(null)).isInstanceOf(NullPointerException.class);
        verifyNoInteractions(delegate);
    }

    private void assertSingleCall(OperationDescriptor operation, Object[] arguments) {
        Collection<Invocation> invocations = mockingDetails(delegate).getInvocations();
        assertThat(invocations).hasSize(1);
        Invocation invocation = invocations.iterator().next();
        assertThat(invocation.getMethod()).isEqualTo(operation.method());
        assertThat(invocation.getArguments()).containsExactly(arguments);
    }
}
