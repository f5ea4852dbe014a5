package dev.chatstore.host;

import dev.chatstore.storage.routing.RouteDecision;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
    int limit = DEFAULT_LIMIT;

    @Option(names = "--source", paramLabel = "NAME", description = "Read this source instead of the chat's own.")
    String source;

    @Mixin
    JsonOption output = new JsonOption();

    /** Whether {@link QuickCommandLine} saw {@code --chat}, which is required. */
    private boolean chatGiven;

    @Override
    int quickOption(String name, String value) {
        switch (name) {
            case "--chat" -> {
                Long chat = QuickCommandLine.decimal(value);
                if (chat == null) {
                    return 0;
                }
                chatId = chat;
                chatGiven = true;
                return 2;
            }
            case "--limit" -> {
                Long number = QuickCommandLine.decimal(value);
                if (number == null || number != number.intValue()) {
                    return 0;
                }
                limit = number.intValue();
                return 2;
            }
            case "--source" -> {
                source = QuickCommandLine.text(value);
                return source == null ? 0 : 2;
            }
            default -> {
                return output.quickOption(name);
            }
        }
    }

    @Override
    boolean quickComplete() {
        return chatGiven && limit >= 1;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw UsageError.of(spec, "--limit must be at least 1, was " + limit);
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
