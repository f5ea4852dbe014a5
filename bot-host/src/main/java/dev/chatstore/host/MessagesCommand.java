package dev.chatstore.host;

import dev.chatstore.storage.routing.RouteDecision;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.List;

/** {@code messages}: the newest messages of one chat. */
@Command(name = "messages", mixinStandardHelpOptions = true,
        description = "Newest messages of a chat, newest first, from the source the chat routes to (or --source).")
final class MessagesCommand extends HostSubcommand {
    static final int DEFAULT_LIMIT = 20;

    @Option(names = "--chat", required = true, paramLabel = "ID", description = "Telegram chat id.")
    long chatId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
            description = "At most this many messages (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--source", paramLabel = "NAME", description = "Read this source instead of the chat's own.")
    String source;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, was " + limit);
        }
        try (HostRuntime runtime = startRuntime()) {
            Storage storage = runtime.storage();
            RouteDecision route = storage.route(chatId, source);
            ChatStore store = source != null ? storage.source(source) : storage;
            List<MessageRow> rows = store.getChatMessages(chatId, MessageQuery.latest(limit)).stream()
                    .map(message -> MessageRow.of(route.sourceName(), message))
                    .toList();
            if (output.json) {
                Json.print(out(), rows);
            } else {
                TextTable table = MessageRow.table();
                rows.forEach(row -> row.addTo(table));
                out().print(table.render());
                out().printf("%d messages of chat %d from source '%s'%n", rows.size(), chatId, route.sourceName());
                out().flush();
            }
            return ExitCode.OK;
        }
    }
}
