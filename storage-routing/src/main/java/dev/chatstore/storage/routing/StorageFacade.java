package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatKeyed;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StoreAdmin;
import dev.chatstore.storage.spi.UnknownSourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The {@link Storage} proxy: counts every call in through the {@link CallGate}, sends {@code ChatStore} operations
 * down the chain ([metering &rarr;] guard &rarr; router &rarr; aggregator), answers the {@code Storage} methods itself and owns the
 * shutdown order: stop new calls, let the running ones finish, stop the executor, close the sources.
 */
final class StorageFacade implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StorageFacade.class);
    private static final Object[] NO_ARGUMENTS = {};

    private final SourceStores sources;
    private final FanOutAggregator aggregator;
    /** The chain's top layer, called directly: through its proxy a call would pay one more reflective hop. */
    private final OperationHandler chain;
    private final RoutingRules rules;
    private final CallGate gate = new CallGate();
    private final Duration closeGrace;
    /** Per source: its store behind a pinned readonly guard (what explicit-source calls run on). */
    private final Map<String, ChatStore> guardedSources = new LinkedHashMap<>();
    /** Per source: the view {@link Storage#source(String)} hands out, the guarded store behind the gate. */
    private final Map<String, ChatStore> views = new LinkedHashMap<>();
    private final Object closeLock = new Object();
    private boolean closeStarted;

    private StorageFacade(SourceStores sources, FanOutAggregator aggregator, ReadOnlyGuard guard,
            ChainMetrics metrics) {
        this.sources = requireNonNull(sources, "sources is null");
        this.aggregator = requireNonNull(aggregator, "aggregator is null");
        this.rules = new RoutingRules(sources);
        this.chain = metrics.enabled() ? MeteredChain.routed(guard, rules, metrics) : guard;
        this.closeGrace = sources.config().sources().stream().map(SourceConfig::timeout)
                .max(Duration::compareTo).orElseThrow();
        sources.stores().forEach((name, store) -> {
            ReadOnlyGuard pinned = ReadOnlyGuard.pinned(store, sources.config(), name);
            OperationHandler guarded = metrics.enabled() ? MeteredChain.pinned(pinned.asChatStore(), name, metrics)
                    : pinned;
            guardedSources.put(name, guarded.asChatStore());
            views.put(name, (ChatStore) Proxy.newProxyInstance(ChatStore.class.getClassLoader(),
                    new Class<?>[] {ChatStore.class}, new PinnedView(name, guarded)));
        });
    }

    /**
     * The facade over an assembled chain. Takes ownership of {@code sources} and {@code aggregator}.
     *
     * @param guard   the readonly guard, over the router, over {@code aggregator}
     * @param metrics when enabled, a {@link MeteredChain} goes on top of the guard and of each source view
     */
    static Storage create(SourceStores sources, FanOutAggregator aggregator, ReadOnlyGuard guard,
            ChainMetrics metrics) {
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                new StorageFacade(sources, aggregator, requireNonNull(guard, "guard is null"),
                        requireNonNull(metrics, "metrics is null")));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object[] arguments = args == null ? NO_ARGUMENTS : args;
        if (method.getDeclaringClass() == Object.class) {
            return OperationHandler.objectMethod(proxy, method, arguments, toString());
        }
        if (method.getDeclaringClass() == Storage.class) {
            return storageMethod(method, arguments);
        }
        OperationDescriptor operation = OperationDescriptor.forMethod(method);
        if (operation != null) {
            return gated(chain, operation, arguments);
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, arguments);
        }
        if (OperationHandler.isClose(method)) {
            close();
            return null;
        }
        throw new UnsupportedOperationException(method + " is not a Storage method");
    }

    @SuppressWarnings("unchecked")
    private Object storageMethod(Method method, Object[] arguments) {
        return switch (method.getName()) {
            case "source" -> source((String) arguments[0]);
            case "sourceNames" -> sources.config().sourceNames();
            case "isReadonly" -> rules.isReadonly((String) arguments[0]);
            case "config" -> sources.config();
            case "route" -> rules.route((Long) arguments[0], (String) arguments[1]);
            case "admin" -> admin((String) arguments[0]);
            case "replaceChatMapping" -> {
                gate.checkOpen("replaceChatMapping");
                yield sources.replaceChatMapping((Map<Long, String>) requireNonNull(arguments[0],
                        "chatMapping is null")).chatMapping();
            }
            case "fanOutWithSources" -> fanOutWithSources((String) arguments[0],
                    (Function<ChatStore, List<ChatKeyed>>) arguments[1]);
            case "close" -> {
                close();
                yield null;
            }
            default -> throw new UnsupportedOperationException(method + " has no implementation in StorageFacade");
        };
    }

    private Object gated(OperationHandler target, OperationDescriptor operation, Object[] arguments) {
        gate.enter(operation.name());
        try {
            return target.operation(operation, arguments);
        } finally {
            gate.exit();
        }
    }

    private ChatStore source(String name) {
        gate.checkOpen("source");
        ChatStore view = views.get(requireNonNull(name, "name is null"));
        if (view == null) {
            throw new UnknownSourceException(name, sources.config().sourceNames());
        }
        return view;
    }

    private Optional<StoreAdmin> admin(String name) {
        gate.checkOpen("admin");
        return sources.store(name) instanceof StoreAdmin admin ? Optional.of(admin) : Optional.empty();
    }

    private <T extends ChatKeyed> List<Sourced<T>> fanOutWithSources(String operation,
            Function<ChatStore, List<T>> read) {
        requireNonNull(operation, "operation is null");
        requireNonNull(read, "read is null");
        gate.enter(operation);
        try {
            return aggregator.fanOutWithSources(operation, (name, store) -> read.apply(guardedSources.get(name)));
        } finally {
            gate.exit();
        }
    }

    private void close() {
        // Holding the lock through the whole shutdown makes a concurrent second close() return only once it is done.
        synchronized (closeLock) {
            if (closeStarted) {
                return;
            }
            closeStarted = true;
            if (!gate.close(closeGrace)) {
                LOG.warn("Closing storage {} with calls still running after {} ms (the longest source timeout); "
                        + "they will fail as their sources close", sources.config().sourceNames(), closeGrace.toMillis());
            }
            SourceStores.closeAll(List.of(aggregator, sources));
        }
    }

    @Override
    public String toString() {
        return "Storage[default=" + sources.config().defaultSource() + ", sources=" + sources.config().sourceNames()
                + (gate.isClosed() ? ", closed" : "") + "]";
    }

    /** A {@link Storage#source(String)} view: the source's guarded store behind the storage's gate. */
    private final class PinnedView implements InvocationHandler {
        private final String name;
        private final OperationHandler guarded;

        PinnedView(String name, OperationHandler guarded) {
            this.name = name;
            this.guarded = guarded;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object[] arguments = args == null ? NO_ARGUMENTS : args;
            if (method.getDeclaringClass() == Object.class) {
                return OperationHandler.objectMethod(proxy, method, arguments, "Storage.source(" + name + ")");
            }
            OperationDescriptor operation = OperationDescriptor.forMethod(method);
            if (operation != null) {
                return gated(guarded, operation, arguments);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, arguments);
            }
            if (OperationHandler.isClose(method)) {
                return null; // the storage owns the source; closing a view must not close it for everyone
            }
            throw new UnsupportedOperationException(method + " is not a ChatStore operation");
        }
    }
}
