package dev.chatstore.storage.spi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The {@link Operation} facts of one {@link ChatStore} method, read once by reflection and checked for
 * consistency: what the routing layers act on.
 *
 * @param method      the SPI method
 * @param access      read or write
 * @param route       how the source is chosen
 * @param merge       for fan-out reads, how results merge
 * @param chatIdIndex index of the {@link ChatId} parameter, or -1
 * @param chatIdKind  what that parameter holds
 */
public record OperationDescriptor(Method method, Access access, Route route, FanOutMerge merge, int chatIdIndex,
                                  ChatIdKind chatIdKind) {
    /** What the {@link ChatId} parameter of an operation holds. */
    public enum ChatIdKind {
        /** No chat id parameter. */
        NONE,
        /** A {@code long} chat id. */
        VALUE,
        /** A {@link ChatKeyed} value. */
        KEYED,
        /** A {@code List} of {@link ChatKeyed} values. */
        LIST
    }

    private static final List<OperationDescriptor> ALL = scan();
    private static final Map<Method, OperationDescriptor> BY_METHOD = index(ALL);

    public OperationDescriptor {
        requireNonNull(method, "method is null");
        requireNonNull(access, "access is null");
        requireNonNull(route, "route is null");
        requireNonNull(merge, "merge is null");
        requireNonNull(chatIdKind, "chatIdKind is null");
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (route == Route.CHAT && chatIdKind == ChatIdKind.NONE) {
            throw new IllegalArgumentException(where + " is routed by chat but has no @ChatId parameter");
        }
        if (route != Route.CHAT && chatIdKind != ChatIdKind.NONE) {
            throw new IllegalArgumentException(where + " has a @ChatId parameter but is routed " + route);
        }
        if ((route == Route.FAN_OUT) != (merge != FanOutMerge.NONE)) {
            throw new IllegalArgumentException(where + ": a merge rule goes with, and only with, route FAN_OUT");
        }
        if (route == Route.FAN_OUT && access != Access.READ) {
            throw new IllegalArgumentException(where + ": only reads can fan out");
        }
        if (chatIdKind == ChatIdKind.LIST && access != Access.WRITE) {
            throw new IllegalArgumentException(where + ": only writes take a list split by chat");
        }
    }

    /** Every operation of {@link ChatStore}, ordered by name. */
    public static List<OperationDescriptor> all() {
        return ALL;
    }

    /**
     * The descriptor of a {@link ChatStore} method, or null for a method that is no operation ({@code close},
     * {@code Object} methods).
     */
    public static OperationDescriptor forMethod(Method method) {
        return BY_METHOD.get(method);
    }

    /**
     * Reads the facts of one method.
     *
     * @throws IllegalArgumentException if the method has no {@link Operation} or its facts disagree
     */
    public static OperationDescriptor of(Method method) {
        Operation operation = method.getAnnotation(Operation.class);
        if (operation == null) {
            throw new IllegalArgumentException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " has no @Operation: declare whether it reads or writes and how it is routed");
        }
        int index = -1;
        ChatIdKind kind = ChatIdKind.NONE;
        // One parse of all parameters' annotations; each Parameter would parse them all again for itself.
        Annotation[][] parameterAnnotations = method.getParameterAnnotations();
        for (int i = 0; i < parameterAnnotations.length; i++) {
            if (has(parameterAnnotations[i], ChatId.class)) {
                if (index >= 0) {
                    throw new IllegalArgumentException(method.getName() + " has more than one @ChatId parameter");
                }
                index = i;
                kind = kindOf(method, method.getGenericParameterTypes()[i]);
            }
        }
        return new OperationDescriptor(method, operation.access(), operation.route(), operation.merge(), index, kind);
    }

    /** The method name, for example {@code addChatMessage}. */
    public String name() {
        return method.getName();
    }

    public boolean isWrite() {
        return access == Access.WRITE;
    }

    /**
     * The chat id a call with {@code args} is routed by.
     *
     * @throws IllegalStateException for an operation of kind {@link ChatIdKind#NONE} or {@link ChatIdKind#LIST}
     */
    public long chatId(Object[] args) {
        Object argument = args[chatIdIndex];
        return switch (chatIdKind) {
            case VALUE -> (Long) argument;
            case KEYED -> requireNonNull((ChatKeyed) argument, name() + " argument is null").chatId();
            default -> throw new IllegalStateException(name() + " has no single chat id");
        };
    }

    /** The items of a {@link ChatIdKind#LIST} argument. */
    @SuppressWarnings("unchecked")
    public List<? extends ChatKeyed> chatItems(Object[] args) {
        if (chatIdKind != ChatIdKind.LIST) {
            throw new IllegalStateException(name() + " takes no list of chat-keyed items");
        }
        return requireNonNull((List<? extends ChatKeyed>) args[chatIdIndex], name() + " argument is null");
    }

    private static boolean has(Annotation[] annotations, Class<? extends Annotation> type) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType() == type) {
                return true;
            }
        }
        return false;
    }

    private static ChatIdKind kindOf(Method method, Type type) {
        if (type == long.class) {
            return ChatIdKind.VALUE;
        }
        if (type instanceof Class<?> c && ChatKeyed.class.isAssignableFrom(c)) {
            return ChatIdKind.KEYED;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> element
                && ChatKeyed.class.isAssignableFrom(element)) {
            return ChatIdKind.LIST;
        }
        throw new IllegalArgumentException(method.getName() + ": @ChatId must be a long, a ChatKeyed or a List of ChatKeyed, not " + type);
    }

    private static List<OperationDescriptor> scan() {
        List<OperationDescriptor> result = new ArrayList<>();
        for (Method method : ChatStore.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault() || method.getName().equals("close")) {
                continue;
            }
            result.add(of(method));
        }
        result.sort(Comparator.comparing(OperationDescriptor::name));
        return List.copyOf(result);
    }

    private static Map<Method, OperationDescriptor> index(List<OperationDescriptor> all) {
        Map<Method, OperationDescriptor> map = new java.util.HashMap<>();
        for (OperationDescriptor descriptor : all) {
            map.put(descriptor.method(), descriptor);
        }
        return Map.copyOf(map);
    }
}
