package dev.chatstore.storage.jdbc;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.Nullable;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.StorageClosedException;
import dev.chatstore.storage.spi.StoreAdmin;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Assembles one source's {@link ChatStore} from parts shaped like the SPI: each part implements whole SPI
 * sub-interfaces ({@code MessageStore}, {@code UserStore}, ...), and every operation is dispatched to the part that
 * implements its interface, with no hand-written forwarders. Around each call the assembled store does, once for
 * every backend: the closed-store check ({@link StorageClosedException}), the null checks of the SPI's rule
 * ({@code "<parameter> is null"}, except {@link Nullable} parameters), and naming the operation (from its
 * {@link OperationDescriptor}) for the {@link JdbcSource}'s messages.
 *
 * <p>{@link #build()} fails fast when an SPI interface has no part or two parts: a store is complete or not built.
 * The result is thread-safe when the parts are.
 */
public final class StoreParts {
    private final JdbcSource source;
    private final List<Object> parts = new ArrayList<>();
    private final List<Runnable> onClose = new ArrayList<>();
    private StoreAdmin admin;
    private ChatTransfer transfer;

    private StoreParts(JdbcSource source) {
        this.source = source;
    }

    /** Starts a store over {@code source}; closing the store closes the source. */
    public static StoreParts of(JdbcSource source) {
        return new StoreParts(requireNonNull(source, "source is null"));
    }

    /** Adds a part: an object implementing one or more of {@code ChatStore}'s sub-interfaces. */
    public StoreParts part(Object part) {
        parts.add(requireNonNull(part, "part is null"));
        return this;
    }

    /** Makes the store a {@link StoreAdmin} too (optional: a backend without one is listed with its config only). */
    public StoreParts admin(StoreAdmin admin) {
        this.admin = requireNonNull(admin, "admin is null");
        return this;
    }

    /**
     * Makes the store a {@link ChatTransfer} too: {@code transfer(new JdbcChatTransfer(source))} for a backend with
     * the shared table names; its methods get the closed-store check and are named in failures like operations.
     */
    public StoreParts transfer(ChatTransfer transfer) {
        this.transfer = requireNonNull(transfer, "transfer is null");
        return this;
    }

    /** Runs when the store is closed, before the source closes (first close only). */
    public StoreParts onClose(Runnable action) {
        onClose.add(requireNonNull(action, "action is null"));
        return this;
    }

    /**
     * The assembled store.
     *
     * @throws IllegalStateException naming every SPI interface with no part, or with more than one
     */
    public ChatStore build() {
        Map<Method, Call> calls = new HashMap<>();
        Set<String> problems = new LinkedHashSet<>();
        for (OperationDescriptor operation : OperationDescriptor.all()) {
            Class<?> spi = operation.method().getDeclaringClass();
            List<Object> serving = parts.stream().filter(spi::isInstance).toList();
            if (serving.size() != 1) {
                problems.add(spi.getSimpleName() + (serving.isEmpty() ? " has no part" : " has " + serving.size()
                        + " parts (" + serving.stream().map(p -> p.getClass().getSimpleName()).toList() + ")"));
                continue;
            }
            calls.put(operation.method(), new Call(operation, serving.get(0)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Store of source '" + source.name() + "' is incomplete: "
                    + String.join("; ", problems) + ". Give each ChatStore sub-interface exactly one part");
        }
        List<Class<?>> interfaces = new ArrayList<>(List.of(ChatStore.class));
        if (admin != null) {
            interfaces.add(StoreAdmin.class);
        }
        if (transfer != null) {
            interfaces.add(ChatTransfer.class);
        }
        return (ChatStore) Proxy.newProxyInstance(ChatStore.class.getClassLoader(), interfaces.toArray(Class<?>[]::new),
                new Handler(source, Map.copyOf(calls), admin, transfer, List.copyOf(onClose)));
    }

    /** One operation: its facts, the part serving it and which parameters must not be null. */
    private record Call(OperationDescriptor operation, Object part, String[] nonNullNames) {
        Call(OperationDescriptor operation, Object part) {
            this(operation, part, nonNullNames(operation.method()));
        }

        private static String[] nonNullNames(Method method) {
            Parameter[] parameters = method.getParameters();
            // One parse of all parameters' annotations; each Parameter would parse them all again for itself.
            Annotation[][] annotations = method.getParameterAnnotations();
            String[] names = new String[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                if (!parameters[i].getType().isPrimitive() && !nullable(annotations[i])) {
                    names[i] = parameters[i].getName();
                }
            }
            return names;
        }

        private static boolean nullable(Annotation[] annotations) {
            for (Annotation annotation : annotations) {
                if (annotation.annotationType() == Nullable.class) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Handler implements InvocationHandler {
        private final JdbcSource source;
        private final Map<Method, Call> calls;
        private final StoreAdmin admin;
        private final ChatTransfer transfer;
        private final List<Runnable> onClose;

        Handler(JdbcSource source, Map<Method, Call> calls, StoreAdmin admin, ChatTransfer transfer,
                List<Runnable> onClose) {
            this.source = source;
            this.calls = calls;
            this.admin = admin;
            this.transfer = transfer;
            this.onClose = onClose;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Call call = calls.get(method);
            if (call != null) {
                String[] nonNull = call.nonNullNames();
                for (int i = 0; i < nonNull.length; i++) {
                    if (nonNull[i] != null && args[i] == null) {
                        throw new NullPointerException(nonNull[i] + " is null");
                    }
                }
                String name = call.operation().name();
                source.checkOpen(name);
                return invokeAs(name, call.part(), method, args);
            }
            return switch (method.getName()) {
                case "close" -> {
                    close();
                    yield null;
                }
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "ChatStore[" + source.dialect().name() + " source '" + source.name() + "' ("
                        + source.location() + ")]";
                default -> {
                    if (method.getDeclaringClass() == StoreAdmin.class) {
                        yield invokeAs(method.getName(), admin, method, args);
                    }
                    if (method.getDeclaringClass() == ChatTransfer.class) {
                        source.checkOpen(method.getName());
                        yield invokeAs(method.getName(), transfer, method, args);
                    }
                    throw new IllegalStateException("no part serves " + method);
                }
            };
        }

        private synchronized void close() {
            if (!source.isClosed()) {
                onClose.forEach(Runnable::run);
            }
            source.close();
        }

        private static Object invokeAs(String name, Object target, Method method, Object[] args) throws Throwable {
            String previous = CurrentOperation.enter(name);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                CurrentOperation.restore(previous);
            }
        }
    }
}
