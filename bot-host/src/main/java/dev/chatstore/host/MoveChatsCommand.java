package dev.chatstore.host;

import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatTransfer;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.StorageConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code move-chats}: moves every chat (or every idle chat) routed to one source to another. */
@Command(name = "move-chats", mixinStandardHelpOptions = true,
        description = {"Moves chats routed to one source to another, one at a time, as move-chat does (copy, verify, "
                + "switch, delete): all of them, or those without a message for N days (archive old chats).",
            "Exit code 1 when any chat failed (the others are still moved)."})
final class MoveChatsCommand extends HostSubcommand {
    @Option(names = "--from", required = true, paramLabel = "SOURCE", description = "The source to move chats from.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "SOURCE", description = "The target source.")
    String to;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--all", description = "Every chat routed to the source.")
        boolean all;

        @Option(names = "--idle-days", paramLabel = "N",
                description = "Chats whose newest message is older than N days (or that have none).")
        Integer idleDays;
    }

    @Option(names = "--keep-source", description = "Leave the chats' rows in the source.")
    boolean keepSource;

    @Option(names = "--dry-run", description = "Report what would be moved; change nothing.")
    boolean dryRun;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1000", description = "Rows per copied batch.")
    int batch;

    @Mixin
    JsonOption output;

    /** The config file a move edits. @throws HostFailure (exit 2) in the single-file form or for a bad batch */
    static Path requireConfigFile(HostSetup setup, int batch) {
        if (batch < 1) {
            throw HostFailure.usage("--batch must be at least 1, was " + batch);
        }
        return setup.choice().config().orElseThrow(() -> HostFailure.usage("Moving chats needs a config file with "
                + "several sources (--config FILE); a single database (--db) has nowhere to move them"));
    }

    @Override
    public Integer call() {
        HostSetup setup = setup();
        Path configFile = requireConfigFile(setup, batch);
        if (which.idleDays != null && which.idleDays < 0) {
            throw HostFailure.usage("--idle-days must be 0 or more, was " + which.idleDays);
        }
        try (HostRuntime runtime = HostRuntime.start(setup);
             RuntimeShutdownHook hook = RuntimeShutdownHook.closing(runtime)) {
            StorageConfig config = runtime.config();
            config.source(from);
            config.source(to);
            List<Long> chats = candidates(runtime, config);
            List<MoveResult> results = new ArrayList<>();
            boolean failed = false;
            ChatMove mover = new ChatMove(runtime, configFile, batch, line -> {
                if (!output.json) {
                    out().println("  " + line);
                    out().flush();
                }
            });
            for (long chat : chats) {
                if (!output.json) {
                    out().println("Chat " + chat + ":");
                }
                try {
                    results.add(mover.move(chat, to, from, keepSource, dryRun));
                } catch (RuntimeException e) {
                    failed = true;
                    MoveResult result = new MoveResult();
                    result.chat = chat;
                    result.from = from;
                    result.to = to;
                    result.outcome = "failed";
                    result.error = Errors.oneLine(e);
                    results.add(result);
                    err().println("Error: moving chat " + chat + " failed: " + result.error);
                    err().flush();
                }
            }
            if (output.json) {
                Json.print(out(), results);
            } else {
                out().println(results.stream().filter(r -> r.error == null).count() + " of " + chats.size()
                        + " chats " + (dryRun ? "would be moved" : "moved") + " from '" + from + "' to '" + to + "'");
                out().flush();
            }
            return failed ? ExitCode.FAILED : ExitCode.OK;
        }
    }

    /** Chats with rows in the source that are routed to it (and idle long enough). */
    private List<Long> candidates(HostRuntime runtime, StorageConfig config) {
        ChatStore source = runtime.storage().source(from);
        List<Long> ids;
        try (ChatStore raw = runtime.providers().open(config.source(from))) {
            if (!(raw instanceof ChatTransfer transfer)) {
                throw HostFailure.usage("Source '" + from + "' cannot move chats: its backend offers no ChatTransfer");
            }
            ids = transfer.chatIds();
        }
        Instant cutoff = which.idleDays == null ? null : Instant.now().minus(Duration.ofDays(which.idleDays));
        List<Long> result = new ArrayList<>();
        for (long chat : ids) {
            if (!config.sourceNameForChat(chat).equals(from)) {
                continue;
            }
            if (cutoff != null) {
                Optional<Instant> newest = source.getChatMessages(chat, MessageQuery.latest(1)).stream()
                        .map(ChatMessage::date).findFirst();
                if (newest.isPresent() && !newest.get().isBefore(cutoff)) {
                    continue;
                }
            }
            result.add(chat);
        }
        return result;
    }
}
