package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OperationDescriptor;

import java.util.Iterator;

import static java.util.Objects.requireNonNull;

/**
 * The chain's top layer when metrics are on: times every call and records it once, with the call's
 * {@link OperationDescriptor} facts (name, read or write), its target source and how it ended
 * ({@link ChainMetrics.Outcome}). No operation is named here: whatever the SPI declares is metered.
 *
 * <p>For a routed call this layer makes the call's {@link RoutePlan} and hands it to the guard, so routing still
 * happens once per call; the target is the plan's one source, or {@value ChainMetrics#SEVERAL_SOURCES} for a
 * fan-out read or a write split over several sources. A pinned layer (a {@link Storage#source(String)} view) has
 * its one source. Immutable and thread-safe.
 */
final class MeteredChain extends OperationHandler {
    private final ReadOnlyGuard guard;
    private final RoutingRules rules;
    private final ChatStore pinned;
    private final String pinnedSource;
    private final ChainMetrics metrics;

    private MeteredChain(ReadOnlyGuard guard, RoutingRules rules, ChatStore pinned, String pinnedSource,
            ChainMetrics metrics) {
        this.guard = guard;
        this.rules = rules;
        this.pinned = pinned;
        this.pinnedSource = pinnedSource;
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** The layer over the routed chain: it plans each call and passes the plan to {@code guard}. */
    static MeteredChain routed(ReadOnlyGuard guard, RoutingRules rules, ChainMetrics metrics) {
        return new MeteredChain(requireNonNull(guard, "guard is null"), requireNonNull(rules, "rules is null"), null,
                null, metrics);
    }

    /** The layer over one source's guarded store. */
    static MeteredChain pinned(ChatStore guarded, String source, ChainMetrics metrics) {
        return new MeteredChain(null, null, requireNonNull(guarded, "guarded is null"),
                requireNonNull(source, "source is null"), metrics);
    }

    @Override
    Object operation(OperationDescriptor operation, Object[] arguments) {
        String source;
        RoutePlan plan = null;
        if (pinnedSource != null) {
            source = pinnedSource;
        } else {
            plan = rules.plan(operation, arguments);
            source = sourceTag(plan);
        }
        long start = System.nanoTime();
        Object result;
        try {
            result = plan == null ? forward(pinned, operation.method(), arguments)
                    : guard.run(operation, plan, arguments);
        } catch (RuntimeException | Error e) {
            metrics.operation(operation, source, ChainMetrics.Outcome.of(e), System.nanoTime() - start);
            throw e;
        }
        metrics.operation(operation, source, ChainMetrics.Outcome.OK, System.nanoTime() - start);
        return result;
    }

    private static String sourceTag(RoutePlan plan) {
        if (plan.fanOut() || plan.parts().size() != 1) {
            return ChainMetrics.SEVERAL_SOURCES;
        }
        Iterator<String> targets = plan.parts().keySet().iterator();
        return targets.next();
    }

    @Override
    public String toString() {
        return "MeteredChain[" + (pinnedSource == null ? "routed" : "source=" + pinnedSource) + "]";
    }
}
