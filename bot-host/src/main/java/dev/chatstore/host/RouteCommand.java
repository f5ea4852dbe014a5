package dev.chatstore.host;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code route}: which source serves a chat, and why. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = {"Which source serves the chat and why (explicit, mapping or default).",
            "With --write, whether a write would be allowed, printing the readonly guard's refusal when not "
                    + "(the exit code stays 0: the question was answered)."})
final class RouteCommand extends HostSubcommand {
    @Option(names = "--chat", required = true, paramLabel = "ID", description = "Telegram chat id (groups are negative).")
    long chatId;

    @Option(names = "--write", description = "Also tell whether a write to the chat would be allowed.")
    boolean write;

    @Option(names = "--source", paramLabel = "NAME", description = "Route as a call naming this source would.")
    String source;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        try (HostRuntime runtime = startRuntime()) {
            RouteView view = RouteView.of(chatId, runtime.storage().route(chatId, source), write);
            if (output.json) {
                Json.print(out(), view);
            } else {
                out().print(view.format());
                out().flush();
            }
            return ExitCode.OK;
        }
    }
}
