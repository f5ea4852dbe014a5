package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OnSourceFailure;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;

/** Configs and store wrappers the routing tests share. */
final class TestStores {
    private TestStores() {
    }

    /** An in-memory source of the test provider's type "memory". */
    static SourceConfig source(String name) {
        return SourceConfig.of(name, ":memory:").withType(MemoryStoreProvider.TYPE)
                .withTimeout(Duration.ofSeconds(20));
    }

    static SourceConfig readonlySource(String name) {
        return source(name).withReadonly(true);
    }

    static StorageConfig config(String defaultSource, List<SourceConfig> sources, Map<Long, String> mapping) {
        return new StorageConfig(defaultSource, sources, mapping, OnSourceFailure.SKIP);
    }

    /** A store that appends each operation's name to {@code calls}, then runs it on {@code delegate}. */
    static ChatStore recording(ChatStore delegate, Queue<String> calls) {
        return proxy(delegate, (method, arguments) -> {
            OperationDescriptor operation = OperationDescriptor.forMethod(method);
            calls.add(operation == null ? method.getName() : operation.name());
            return NOT_HANDLED;
        });
    }

    /** A store that runs {@code behaviour} for the operation named {@code operation} and {@code delegate} otherwise. */
    static ChatStore intercepting(ChatStore delegate, String operation, Function<Object[], Object> behaviour) {
        return proxy(delegate, (method, arguments) ->
                method.getName().equals(operation) ? behaviour.apply(arguments) : NOT_HANDLED);
    }

    private static final Object NOT_HANDLED = new Object();

    private interface Interceptor {
        Object intercept(Method method, Object[] arguments);
    }

    private static ChatStore proxy(ChatStore delegate, Interceptor interceptor) {
        return (ChatStore) Proxy.newProxyInstance(ChatStore.class.getClassLoader(), new Class<?>[] {ChatStore.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                : "TestStore[" + delegate + "]";
                    }
                    Object result = interceptor.intercept(method, args);
                    if (result != NOT_HANDLED) {
                        return result;
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Calls {@code operation} on {@code store} as bot code would, throwing what the store throws. */
    static Object invoke(ChatStore store, OperationDescriptor operation, Object[] arguments) {
        try {
            return operation.method().invoke(store, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
