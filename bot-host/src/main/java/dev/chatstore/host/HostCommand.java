package dev.chatstore.host;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code bot-host}: the global options and the commands. The options may be given before or after the command
 * ({@code bot-host --config x.toml sources} or {@code bot-host sources --config x.toml}).
 */
@Command(name = "bot-host",
        mixinStandardHelpOptions = true,
        versionProvider = HostVersion.class,
        usageHelpAutoWidth = true,
        description = "Chatstore host: loads storage plugins, opens the configured sources and runs one command.",
        footer = {"", "Exit codes: 0 success, 1 the work failed (or partly failed), 2 bad usage or bad configuration "
                + "(including a source that cannot be opened or a storage type no plugin provides)."})
public final class HostCommand implements Runnable {
    /** The commands, in the order the help lists them; {@link Main} registers them (see there why not all). */
    static final List<Class<? extends HostSubcommand>> COMMANDS = List.of(
            IngestCommand.class,
            ServeCommand.class,
            SourcesCommand.class,
            RouteCommand.class,
            ChatsCommand.class,
            MessagesCommand.class,
            CheckConfigCommand.class,
            MigrateCommand.class,
            MoveChatCommand.class,
            MoveChatsCommand.class,
            MaintainCommand.class);
    /** The global options that take a value, for finding the command among the arguments. */
    static final Set<String> VALUE_OPTIONS = Set.of("--config", "--db", "--plugins");

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "TOML config file (default: configs/bot.toml). Relative paths inside resolve against its folder.")
    Path config;

    @Option(names = "--db", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Single-file form: one writable SQLite source 'default'. Not together with --config.")
    Path db;

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Plugins folder (default: the config's [plugins] dir, else plugins/ beside the config's folder, else ./plugins).")
    Path plugins;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Debug logging, and stack traces with errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    /** The global options as given. */
    public HostOptions options() {
        return new HostOptions(config, db, plugins, verbose);
    }

    boolean verbose() {
        return verbose;
    }

    /** {@link QuickCommandLine}: sets a global option; returns the arguments used, 0 when not one of them. */
    int quickOption(String name, String value) {
        switch (name) {
            case "-v", "--verbose" -> {
                verbose = true;
                return 1;
            }
            case "--config", "--db", "--plugins" -> {
                String text = QuickCommandLine.text(value);
                if (text == null) {
                    return 0;
                }
                Path path;
                try {
                    path = Path.of(text);
                } catch (InvalidPathException e) {
                    return 0;
                }
                switch (name) {
                    case "--config" -> config = path;
                    case "--db" -> db = path;
                    default -> plugins = path;
                }
                return 2;
            }
            default -> {
                return 0;
            }
        }
    }

    @Override
    public void run() {
        throw UsageError.of(spec, "Missing command: give one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
