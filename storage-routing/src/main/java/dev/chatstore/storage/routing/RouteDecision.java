package dev.chatstore.storage.routing;

import static java.util.Objects.requireNonNull;

/**
 * Which source serves a chat, and why: the answer of {@link Storage#route(long, String)}.
 *
 * @param sourceName the serving source, non-null
 * @param reason     which rule chose it, non-null
 * @param readonly   whether that source refuses writes
 */
public record RouteDecision(String sourceName, RouteReason reason, boolean readonly) {
    public RouteDecision {
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(reason, "reason is null");
    }
}
