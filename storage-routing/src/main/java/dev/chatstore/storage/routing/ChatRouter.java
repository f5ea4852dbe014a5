package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.StorageConfig;
import jakarta.inject.Inject;

import java.lang.reflect.Method;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Second layer of the chain: picks the source of each call from its {@link OperationDescriptor} facts. A chat-scoped
 * operation goes to {@code chatMapping[chatId]}, else the default source; an operation without a chat id goes to
 * the default source; a fan-out read goes to the aggregator. A write taking a list of chat-keyed items is split by
 * each item's source and each source gets its part in one call, in config order, the numeric results summed (not
 * atomic across sources: a failure leaves the earlier sources' parts stored).
 *
 * <p>An explicit source never reaches this layer: {@link Storage#source(String)} views call the source directly,
 * which is what routing with an explicit source amounts to.
 *
 * <p>The layer is a {@link ChatStore} proxy ({@link #asChatStore()}). Immutable and thread-safe; it owns nothing.
 */
final class ChatRouter extends OperationHandler {
    private final ChatStore aggregator;
    private final SourceStores sources;
    private final RoutingRules rules;

    /**
     * @param aggregator where fan-out reads go ({@link ForAggregation})
     * @param sources    the open source stores and their config
     */
    @Inject
    ChatRouter(@ForAggregation ChatStore aggregator, SourceStores sources) {
        this.aggregator = requireNonNull(aggregator, "aggregator is null");
        this.sources = requireNonNull(sources, "sources is null");
        this.rules = new RoutingRules(sources.config());
    }

    /** For tests: a router over the given stores (one per configured source). */
    ChatRouter(ChatStore aggregator, StorageConfig config, Map<String, ChatStore> stores) {
        this(aggregator, new SourceStores(config, stores));
    }

    @Override
    Object operation(OperationDescriptor operation, Object[] arguments) {
        return run(operation, rules.plan(operation, arguments), arguments);
    }

    /**
     * Sends a call where its plan says, with no routing of its own: the guard above made the plan, and routing
     * happens once per call. Parts of a split write go in config order, their numeric results summed.
     */
    Object run(OperationDescriptor operation, RoutePlan plan) {
        Method method = operation.method();
        if (plan.fanOut()) {
            throw new IllegalStateException(operation.name() + " fans out; call run with its arguments");
        }
        Object total = null;
        boolean first = true;
        for (Map.Entry<String, Object[]> part : plan.parts().entrySet()) {
            Object result = forward(sources.store(part.getKey()), method, part.getValue());
            total = first ? result : sum(operation, total, result);
            first = false;
        }
        return total;
    }

    /** Like {@link #run(OperationDescriptor, RoutePlan)}, and a fan-out read goes to the aggregator with its arguments. */
    Object run(OperationDescriptor operation, RoutePlan plan, Object[] arguments) {
        return plan.fanOut() ? forward(aggregator, operation.method(), arguments) : run(operation, plan);
    }

    private static Object sum(OperationDescriptor operation, Object left, Object right) {
        if (left instanceof Integer a && right instanceof Integer b) {
            return a + b;
        }
        if (left instanceof Long a && right instanceof Long b) {
            return a + b;
        }
        if (left == null && right == null) {
            return null;
        }
        throw new IllegalStateException(operation.name() + " is split per source, but its results ("
                + left.getClass().getSimpleName() + ") cannot be summed; declare it void, int or long");
    }

    @Override
    public String toString() {
        return "ChatRouter" + sources.config().sourceNames();
    }
}
