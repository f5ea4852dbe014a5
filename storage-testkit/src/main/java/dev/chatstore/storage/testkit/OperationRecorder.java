package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OperationDescriptor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Wraps the store under test in a {@link Proxy} that notes the name of every {@link ChatStore} operation called
 * through it, so {@link ChatStoreContract} can prove that its tests exercised all of them. A call is noted before
 * it runs: one that throws (a duplicate, a closed store) still counts as exercised.
 */
final class OperationRecorder implements InvocationHandler {
    private final ChatStore target;
    private final Set<String> calls;

    private OperationRecorder(ChatStore target, Set<String> calls) {
        this.target = target;
        this.calls = calls;
    }

    /** @param calls a thread-safe set that receives operation names; tests call the store from many threads */
    static ChatStore wrap(ChatStore target, Set<String> calls) {
        return (ChatStore) Proxy.newProxyInstance(ChatStore.class.getClassLoader(), new Class<?>[] {ChatStore.class},
                new OperationRecorder(target, calls));
    }

    /** The names of {@link OperationDescriptor#all()} missing from {@code called}, in name order. */
    static List<String> missing(Collection<String> called) {
        return OperationDescriptor.all().stream().map(OperationDescriptor::name)
                .filter(name -> !called.contains(name)).toList();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "recording " + target;
            };
        }
        OperationDescriptor operation = OperationDescriptor.forMethod(method);
        if (operation != null) {
            calls.add(operation.name());
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
