package dev.chatstore.host.telegram;

import dev.chatstore.storage.spi.ChatStore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/** A {@link ChatStore} over a real one that counts calls per operation and can make chosen calls fail. */
final class StoreWrapper {
    final Map<String, Integer> calls = new ConcurrentHashMap<>();
    final ChatStore store;

    /**
     * @param failure given each call's method and arguments, the exception to throw instead of calling
     *                {@code delegate}, or null to call it
     */
    StoreWrapper(ChatStore delegate, BiFunction<Method, Object[], RuntimeException> failure) {
        this.store = (ChatStore) Proxy.newProxyInstance(ChatStore.class.getClassLoader(),
                new Class<?>[] {ChatStore.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(delegate, args);
                    }
                    calls.merge(method.getName(), 1, Integer::sum);
                    RuntimeException thrown = failure.apply(method, args);
                    if (thrown != null) {
                        throw thrown;
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    StoreWrapper(ChatStore delegate) {
        this(delegate, (method, args) -> null);
    }

    int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }
}
