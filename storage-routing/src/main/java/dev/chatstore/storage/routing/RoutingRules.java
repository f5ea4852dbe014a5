package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.ChatKeyed;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.OperationDescriptor.ChatIdKind;
import dev.chatstore.storage.spi.Route;
import dev.chatstore.storage.spi.SourceConfig;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.UnknownSourceException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The routing rule of the config, in one place, so the guard (which must know a write's target before the router
 * sends it) and the router can never disagree. Immutable and thread-safe.
 */
final class RoutingRules {
    private final StorageConfig config;
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, Boolean> readonly = new HashMap<>();

    RoutingRules(StorageConfig config) {
        this.config = requireNonNull(config, "config is null");
        List<SourceConfig> sources = config.sources();
        for (int i = 0; i < sources.size(); i++) {
            order.put(sources.get(i).name(), i);
            readonly.put(sources.get(i).name(), sources.get(i).readonly());
        }
    }

    StorageConfig config() {
        return config;
    }

    String defaultSource() {
        return config.defaultSource();
    }

    /** The chat's owner: its mapping, else the default source. */
    String sourceForChat(long chatId) {
        return config.sourceNameForChat(chatId);
    }

    /**
     * The one source a routed (non fan-out) call with a single target goes to: the chat's owner for a chat id or a
     * chat-keyed argument, the default source otherwise.
     */
    String sourceFor(OperationDescriptor operation, Object[] arguments) {
        return switch (operation.chatIdKind()) {
            case VALUE, KEYED -> sourceForChat(operation.chatId(checkedChatArgument(operation, arguments)));
            case NONE -> defaultSource();
            case LIST -> throw new IllegalStateException(operation.name() + " is split per source");
        };
    }

    /**
     * The items of a list-taking write grouped by owning source, in config order. An empty list goes, empty, to the
     * default source, so the backend still answers it (and the guard still checks that source).
     *
     * @throws NullPointerException on a null list or item, named like {@code messages[2] is null}
     */
    Map<String, List<ChatKeyed>> split(OperationDescriptor operation, Object[] arguments) {
        List<? extends ChatKeyed> items = operation.chatItems(checkedChatArgument(operation, arguments));
        if (items.isEmpty()) {
            return Map.of(defaultSource(), List.of());
        }
        Map<String, List<ChatKeyed>> bySource = new LinkedHashMap<>();
        for (String name : config.sourceNames()) {
            bySource.put(name, new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            ChatKeyed item = items.get(i);
            if (item == null) {
                throw new NullPointerException(chatParameterName(operation) + "[" + i + "] is null");
            }
            bySource.get(sourceForChat(item.chatId())).add(item);
        }
        bySource.values().removeIf(List::isEmpty);
        return bySource;
    }

    /**
     * The arguments, once the chat argument is known to be non-null: a null one is the caller's mistake and throws
     * {@link NullPointerException} named after the parameter, as every store does ({@code message is null}).
     */
    private static Object[] checkedChatArgument(OperationDescriptor operation, Object[] arguments) {
        if (arguments[operation.chatIdIndex()] == null) {
            throw new NullPointerException(chatParameterName(operation) + " is null");
        }
        return arguments;
    }

    private static String chatParameterName(OperationDescriptor operation) {
        return operation.method().getParameters()[operation.chatIdIndex()].getName();
    }

    /**
     * Where a call goes, decided once for the whole chain: a fan-out read, the one source of a routed call, or the
     * part of a list-taking write that each source gets (in config order).
     *
     * @throws NullPointerException on a null chat argument or list item, named after the parameter
     */
    RoutePlan plan(OperationDescriptor operation, Object[] arguments) {
        if (operation.route() == Route.FAN_OUT) {
            return RoutePlan.fanOutRead();
        }
        if (operation.chatIdKind() != ChatIdKind.LIST) {
            return new RoutePlan(false, Map.of(sourceFor(operation, arguments), arguments));
        }
        Map<String, Object[]> parts = new LinkedHashMap<>();
        split(operation, arguments).forEach((source, items) -> {
            Object[] part = arguments.clone();
            part[operation.chatIdIndex()] = List.copyOf(items);
            parts.put(source, part);
        });
        return new RoutePlan(false, Collections.unmodifiableMap(parts));
    }

    /** explicit &gt; mapping &gt; default. */
    RouteDecision route(long chatId, String explicitSource) {
        if (explicitSource != null) {
            return new RouteDecision(explicitSource, RouteReason.EXPLICIT, isReadonly(explicitSource));
        }
        String mapped = config.chatMapping().get(chatId);
        if (mapped != null) {
            return new RouteDecision(mapped, RouteReason.MAPPING, isReadonly(mapped));
        }
        return new RouteDecision(defaultSource(), RouteReason.DEFAULT, isReadonly(defaultSource()));
    }

    /** @throws UnknownSourceException for a name that is not configured */
    boolean isReadonly(String name) {
        Boolean flag = readonly.get(requireNonNull(name, "name is null"));
        if (flag == null) {
            throw new UnknownSourceException(name, config.sourceNames());
        }
        return flag;
    }

    /**
     * Precedence of {@code source}'s copy of a chat's row in a fan-out merge, lower wins: the chat's owner first,
     * then the other sources in config order.
     */
    int rank(long chatId, String source) {
        return source.equals(sourceForChat(chatId)) ? -1 : order.get(source);
    }
}
