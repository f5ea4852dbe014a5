package dev.chatstore.postgres;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.StoreAdmin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One PostgreSQL source as a {@link ChatStore} and {@link StoreAdmin}, assembled from parts that each implement one
 * SPI sub-interface ({@link PostgresMessages} the {@code MessageStore}, ...): a call goes to the part of the
 * interface that declares it, so there are no per-operation forwarders to keep complete. Construction fails if an
 * interface of {@link ChatStore} has no part.
 *
 * <p>A read on a writable source whose schema was never created answers as an empty store: empty list, map or
 * {@code Optional}, {@code 0} or {@code false}; the schema is created by the first write, not by a read.
 *
 * <p>Thread-safe; {@code close()} closes the pool and is idempotent.
 */
final class PostgresChatStore implements InvocationHandler {
    private final PostgresSource source;
    private final Map<Class<?>, Object> parts = new HashMap<>();

    private PostgresChatStore(PostgresSource source, StoreAdmin admin, List<Object> parts) {
        this.source = source;
        this.parts.put(StoreAdmin.class, admin);
        for (Class<?> spi : ChatStore.class.getInterfaces()) {
            if (spi == AutoCloseable.class) {
                continue;
            }
            Object part = parts.stream().filter(spi::isInstance).findFirst().orElseThrow(
                    () -> new IllegalStateException("no part implements " + spi.getName()));
            this.parts.put(spi, part);
        }
    }

    static ChatStore open(PostgresSource source) {
        List<Object> parts = List.of(new PostgresSettingsStore(source), new PostgresMessages(source),
                new PostgresUsers(source), new PostgresUserData(source), new PostgresChatSettings(source),
                new PostgresChatInfo(source), new PostgresMedia(source), new PostgresDelayedTasks(source),
                new PostgresSpam(source), new PostgresCaches(source));
        PostgresChatStore handler = new PostgresChatStore(source, new PostgresAdmin(source), parts);
        return (ChatStore) Proxy.newProxyInstance(PostgresChatStore.class.getClassLoader(),
                new Class<?>[] {ChatStore.class, StoreAdmin.class}, handler);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Class<?> declaring = method.getDeclaringClass();
        if (declaring == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "PostgresChatStore[" + source.name() + ", " + source.settings().location() + "]";
            };
        }
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            source.close();
            return null;
        }
        Object part = parts.get(declaring);
        if (part == null) {
            throw new UnsupportedOperationException(method.toString());
        }
        try {
            return method.invoke(part, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof PostgresSource.SchemaNotCreatedYet) {
                return emptyResult(method.getReturnType());
            }
            throw e.getCause();
        }
    }

    private static Object emptyResult(Class<?> type) {
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        throw new IllegalStateException("no empty value of " + type);
    }
}
