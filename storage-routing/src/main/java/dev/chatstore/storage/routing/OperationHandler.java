package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OperationDescriptor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * The plumbing every layer shares: a {@link ChatStore} proxy whose operations arrive as
 * ({@link OperationDescriptor}, arguments) pairs, so a layer acts on the SPI's declared facts and never on method
 * names. {@code Object} methods are identity-based; default interface methods run their own body against the proxy;
 * {@code close()} on a layer does nothing, because layers own nothing (the {@link Storage} closes sources and executor).
 */
abstract class OperationHandler implements InvocationHandler {
    private static final Object[] NO_ARGUMENTS = {};

    private final ChatStore proxy;

    OperationHandler() {
        this.proxy = (ChatStore) Proxy.newProxyInstance(ChatStore.class.getClassLoader(),
                new Class<?>[] {ChatStore.class}, this);
    }

    /** This layer as a {@link ChatStore}; the same instance on every call. */
    final ChatStore asChatStore() {
        return proxy;
    }

    /** Handles one operation; throws whatever the layer or its delegate throws, unwrapped. */
    abstract Object operation(OperationDescriptor operation, Object[] arguments);

    @Override
    public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object[] arguments = args == null ? NO_ARGUMENTS : args;
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, arguments, toString());
        }
        OperationDescriptor operation = OperationDescriptor.forMethod(method);
        if (operation != null) {
            return operation(operation, arguments);
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, arguments);
        }
        if (isClose(method)) {
            return null;
        }
        throw new UnsupportedOperationException(method + " is not a ChatStore operation");
    }

    static boolean isClose(Method method) {
        return method.getName().equals("close") && method.getParameterCount() == 0;
    }

    /** {@code equals}, {@code hashCode} and {@code toString} of a proxy: identity, and a readable name. */
    static Object objectMethod(Object proxy, Method method, Object[] arguments, String description) {
        return switch (method.getName()) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> description;
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }

    /**
     * Calls {@code method} on {@code target} and lets whatever it throws pass through unwrapped, so a source's
     * {@code StorageException} reaches the caller as the source threw it.
     */
    static Object forward(Object target, Method method, Object[] arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method + " on " + target.getClass().getName(), e);
        }
    }

    /** Throws an unchecked {@code cause} as it is; wraps a checked one, which no SPI method declares. */
    static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new UndeclaredThrowableException(cause);
    }
}
