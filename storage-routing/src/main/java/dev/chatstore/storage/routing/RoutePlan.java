package dev.chatstore.storage.routing;

import java.util.Map;
import java.util.Set;

/**
 * Where one call goes, decided once ({@link RoutingRules#plan}) and then acted on by every layer: the guard checks
 * its targets, the router sends each part. Immutable.
 *
 * @param fanOut whether the call is a fan-out read (the aggregator asks every source)
 * @param parts  for a routed call, the arguments each target source gets, in config order: one entry for a call
 *               with one target, one per source for a write split by chat; empty for a fan-out read
 */
record RoutePlan(boolean fanOut, Map<String, Object[]> parts) {
    static RoutePlan fanOutRead() {
        return new RoutePlan(true, Map.of());
    }

    /** The sources the call writes to or reads from; every configured source for a fan-out read. */
    Set<String> targets(RoutingRules rules) {
        return fanOut ? Set.copyOf(rules.config().sourceNames()) : parts.keySet();
    }
}
