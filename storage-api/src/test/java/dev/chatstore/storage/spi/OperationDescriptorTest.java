package dev.chatstore.storage.spi;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationDescriptorTest {
    @Test
    void everyChatStoreMethodButCloseDeclaresItsFacts() {
        for (Method method : ChatStore.class.getMethods()) {
            if (method.getName().equals("close") || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            assertThat(method.getAnnotation(Operation.class))
                    .as("@Operation on %s.%s", method.getDeclaringClass().getSimpleName(), method.getName())
                    .isNotNull();
            // of() also checks that the facts agree with each other (chat route has a @ChatId, merge only on fan-out)
            assertThat(OperationDescriptor.of(method).name()).isEqualTo(method.getName());
        }
    }

    @Test
    void theSpecsFiftyTwoOperationsPlusTheBatchWrite() {
        List<OperationDescriptor> all = OperationDescriptor.all();
        assertThat(all).hasSize(53);
        assertThat(all).extracting(OperationDescriptor::name).doesNotHaveDuplicates().contains("addChatMessages");
    }

    @Test
    void factsMatchTheOperationsTable() {
        Map<String, OperationDescriptor> byName = OperationDescriptor.all().stream()
                .collect(Collectors.toMap(OperationDescriptor::name, d -> d));
        assertThat(byName.get("addChatMessage").access()).isEqualTo(Access.WRITE);
        assertThat(byName.get("addChatMessage").route()).isEqualTo(Route.CHAT);
        assertThat(byName.get("addChatMessage").chatIdKind()).isEqualTo(OperationDescriptor.ChatIdKind.KEYED);
        assertThat(byName.get("addChatMessages").chatIdKind()).isEqualTo(OperationDescriptor.ChatIdKind.LIST);
        assertThat(byName.get("addUserData").chatIdIndex()).isEqualTo(1);
        assertThat(byName.get("getMediaAttachment").route()).isEqualTo(Route.DEFAULT);
        Set<String> fanOut = byName.values().stream().filter(d -> d.route() == Route.FAN_OUT)
                .map(OperationDescriptor::name).collect(Collectors.toSet());
        assertThat(fanOut).containsExactlyInAnyOrder("getUserChats", "getAllGroupChats", "findChatsByUsername",
                "listChatsBySetting");
        assertThat(byName.get("listChatsBySetting").merge()).isEqualTo(FanOutMerge.MAP_BY_CHAT_ID);
        long writes = byName.values().stream().filter(OperationDescriptor::isWrite).count();
        assertThat(writes).isEqualTo(27); // 26 in spec/operations.md plus addChatMessages
    }

    @Test
    void chatIdIsReadFromEachKindOfParameter() throws Exception {
        OperationDescriptor byValue = OperationDescriptor.forMethod(
                ChatStore.class.getMethod("getChatInfo", long.class));
        assertThat(byValue.chatId(new Object[] {-1001234567890L})).isEqualTo(-1001234567890L);
        OperationDescriptor keyed = OperationDescriptor.forMethod(
                ChatStore.class.getMethod("addSpamMessage", SpamMessage.class));
        assertThat(keyed.chatId(new Object[] {new SpamMessage(-5, 1, "1", "t", SpamReason.AUTO, 1.0)})).isEqualTo(-5);
        assertThat(OperationDescriptor.forMethod(Object.class.getMethod("toString"))).isNull();
    }

    interface Broken {
        @Operation(access = Access.READ, route = Route.CHAT)
        void noChatId(long chatId);

        @Operation(access = Access.WRITE, route = Route.FAN_OUT, merge = FanOutMerge.LIST_BY_CHAT_ID)
        void fanOutWrite();

        void unannotated();
    }

    @Test
    void inconsistentFactsAreRefused() throws Exception {
        assertThatThrownBy(() -> OperationDescriptor.of(Broken.class.getMethod("noChatId", long.class)))
                .hasMessageContaining("no @ChatId");
        assertThatThrownBy(() -> OperationDescriptor.of(Broken.class.getMethod("fanOutWrite")))
                .hasMessageContaining("only reads can fan out");
        assertThatThrownBy(() -> OperationDescriptor.of(Broken.class.getMethod("unannotated")))
                .hasMessageContaining("has no @Operation");
    }
}
