package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.StorageConfig;
import jakarta.inject.Inject;


import static java.util.Objects.requireNonNull;

/**
 * First layer of the chain: refuses a write whose target source is readonly with {@link ReadOnlySourceException},
 * before its delegate sees the call; everything else passes through unchanged. The target is the source the router
 * will pick (the same {@link RoutingRules}), or the pinned source of a {@link Storage#source(String)} view. A write
 * split over several sources is refused whole when any of them is readonly, so nothing is written anywhere.
 *
 * <p>The layer is a {@link ChatStore} proxy ({@link #asChatStore()}); Guice builds it through the {@code @Inject}
 * constructor, which is also the plain one tests call. Immutable and thread-safe.
 */
final class ReadOnlyGuard extends OperationHandler {
    private final ChatStore delegate;
    private final ChatRouter router;
    private final RoutingRules rules;
    private final String pinnedSource;

    /**
     * A guard in front of the router: it plans each call once ({@link RoutingRules#plan}), checks the plan's
     * targets, and hands the plan to the router, which sends the call without routing it again.
     *
     * @param router the layer below
     * @param config the sources' readonly flags and the routing rule
     */
    @Inject
    ReadOnlyGuard(ChatRouter router, StorageConfig config) {
        this(null, requireNonNull(router, "router is null"), new RoutingRules(config), null);
    }

    /**
     * For tests: a guard in front of any store (a mock), which gets each allowed call as it was made.
     *
     * @param delegate the layer below
     * @param config   the sources' readonly flags and the routing rule
     */
    ReadOnlyGuard(ChatStore delegate, StorageConfig config) {
        this(requireNonNull(delegate, "delegate is null"), null, new RoutingRules(config), null);
    }

    private ReadOnlyGuard(ChatStore delegate, ChatRouter router, RoutingRules rules, String pinnedSource) {
        this.delegate = delegate;
        this.router = router;
        this.rules = rules;
        this.pinnedSource = pinnedSource;
    }

    /**
     * A guard in front of one source's own store, for the views of {@link Storage#source(String)}: every write
     * targets {@code sourceName}.
     *
     * @throws dev.chatstore.storage.spi.UnknownSourceException if {@code sourceName} is not configured
     */
    static ReadOnlyGuard pinned(ChatStore sourceStore, StorageConfig config, String sourceName) {
        RoutingRules rules = new RoutingRules(config);
        rules.isReadonly(sourceName);
        return new ReadOnlyGuard(requireNonNull(sourceStore, "sourceStore is null"), null, rules, sourceName);
    }

    @Override
    Object operation(OperationDescriptor operation, Object[] arguments) {
        if (pinnedSource != null) {
            if (operation.isWrite() && rules.isReadonly(pinnedSource)) {
                throw new ReadOnlySourceException(pinnedSource, operation.name());
            }
            return forward(delegate, operation.method(), arguments);
        }
        RoutePlan plan = rules.plan(operation, arguments);
        if (operation.isWrite()) {
            for (String target : plan.targets(rules)) {
                if (rules.isReadonly(target)) {
                    throw new ReadOnlySourceException(target, operation.name());
                }
            }
        }
        return router != null ? router.run(operation, plan, arguments) : forward(delegate, operation.method(), arguments);
    }

    @Override
    public String toString() {
        return "ReadOnlyGuard[" + (pinnedSource == null ? "routed" : "source=" + pinnedSource) + "]";
    }
}
