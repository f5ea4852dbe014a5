package dev.chatstore.storage.routing;

/** Why a chat-scoped call goes to the source it goes to, in the router's order of priority. */
public enum RouteReason {
    /** The caller named the source ({@link Storage#source(String)}); it wins over everything else. */
    EXPLICIT,
    /** The chat is listed in {@code [database.chatMapping]}. */
    MAPPING,
    /** Neither: the default source serves it. */
    DEFAULT
}
