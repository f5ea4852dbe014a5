package dev.chatstore.host;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** {@code move-chat}: moves one chat's rows to another source and routes the chat there. */
@Command(name = "move-chat", mixinStandardHelpOptions = true,
        description = {"Moves every row of a chat to another source: copy, verify (per-table row counts and digests), "
                + "switch the route (writes the chat's line into [database.chatMapping] of the config file), then "
                + "delete the chat from the source (unless --keep-source).",
            "A target the config marks readonly (an archive) is opened writable for the move only.",
            "Online: a running serve may store updates for the chat throughout. After the switch the mover waits "
                    + "until every running serve of this config has applied the new route (its .<config>.serve-<pid> "
                    + "file), then brings over what the source stored since the copy, then deletes.",
            "Crash-safe: killed at any point, run the same command again to finish the move. A failed verification "
                    + "leaves the source untouched and names the table. Exit code 1 when the move failed."})
final class MoveChatCommand extends HostSubcommand {
    @Option(names = "--chat", required = true, paramLabel = "ID", description = "The chat to move.")
    long chat;

    @Option(names = "--to", required = true, paramLabel = "SOURCE", description = "The target source.")
    String to;

    @Option(names = "--from", paramLabel = "SOURCE",
            description = "The source holding the chat (default: where the chat is routed now).")
    String from;

    @Option(names = "--keep-source", description = "Copy and switch, but leave the chat's rows in the source.")
    boolean keepSource;

    @Option(names = "--dry-run", description = "Report what would be moved; change nothing.")
    boolean dryRun;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
            description = "Rows per copied batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--serve-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait for running serve processes to apply the switched route "
                    + "(default: ${DEFAULT-VALUE}).")
    long serveTimeout;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        HostSetup setup = setup();
        Path configFile = MoveChatsCommand.requireConfigFile(setup, batch);
        if (serveTimeout < 1) {
            throw HostFailure.usage("--serve-timeout must be at least 1 second, was " + serveTimeout);
        }
        try (HostRuntime runtime = HostRuntime.start(setup);
             RuntimeShutdownHook hook = RuntimeShutdownHook.closing(runtime)) {
            ChatMove mover = new ChatMove(runtime, configFile, batch, line -> {
                if (!output.json) {
                    out().println(line);
                    out().flush();
                }
            }, Duration.ofSeconds(serveTimeout));
            MoveResult result = null;
            try {
                result = mover.move(chat, to, from, keepSource, dryRun);
                return ExitCode.OK;
            } catch (RuntimeException e) {
                if (output.json) {
                    MoveResult failed = new MoveResult();
                    failed.chat = chat;
                    failed.to = to;
                    failed.outcome = "failed";
                    failed.error = Errors.oneLine(e);
                    Json.print(out(), failed);
                }
                throw e;
            } finally {
                if (output.json && result != null) {
                    Json.print(out(), result);
                }
            }
        }
    }
}
