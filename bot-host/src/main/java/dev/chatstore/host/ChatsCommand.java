package dev.chatstore.host;

import dev.chatstore.storage.routing.Sourced;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.function.Function;

/** {@code chats}: group chats, or one user's chats, merged over every source unless one is named. */
@Command(name = "chats", mixinStandardHelpOptions = true,
        description = {"Group chats (or, with --user, the chats a user is a member of), read from every source in "
                + "parallel and merged by chat id unless --source names one.",
            "Shows which source each row came from."})
final class ChatsCommand extends HostSubcommand {
    @Option(names = "--user", paramLabel = "ID", description = "List this user's chats instead of all group chats.")
    Long userId;

    @Option(names = "--source", paramLabel = "NAME", description = "Read only this source.")
    String source;

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    int quickOption(String name, String value) {
        switch (name) {
            case "--user" -> {
                userId = QuickCommandLine.decimal(value);
                return userId == null ? 0 : 2;
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
    public Integer call() {
        try (HostRuntime runtime = startRuntime()) {
            List<ChatRow> rows = read(runtime.storage());
            if (output.json) {
                Json.print(out(), rows);
            } else {
                TextTable table = ChatRow.table();
                rows.forEach(row -> row.addTo(table));
                out().print(table.render());
                out().printf("%d chats%n", rows.size());
                out().flush();
            }
            return ExitCode.OK;
        }
    }

    private List<ChatRow> read(Storage storage) {
        Function<ChatStore, List<ChatInfo>> read = userId != null
                ? store -> store.getUserChats(userId)
                : ChatStore::getAllGroupChats;
        if (source != null) {
            return read.apply(storage.source(source)).stream().map(chat -> ChatRow.of(source, chat)).toList();
        }
        List<Sourced<ChatInfo>> rows = storage.fanOutWithSources(userId != null ? "getUserChats" : "getAllGroupChats", read);
        return rows.stream().map(row -> ChatRow.of(row.sourceName(), row.value())).toList();
    }
}
