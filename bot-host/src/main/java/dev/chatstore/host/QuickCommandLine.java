package dev.chatstore.host;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the usual command lines of the read commands ({@code sources}, {@code chats}, {@code messages}) and of
 * {@code ingest} without picocli. Picocli reads every option's annotation by reflection (a proxy class generated per
 * annotation type) and initializes its help and converter tables: 0.1 s of every run, more than a fifth of a read
 * command's. The other commands are long-running or rare, and keep picocli's parse.
 *
 * <p>It accepts only lines that picocli parses the same way: each option at most once, in the {@code --name value}
 * form, the command's own options after the command, numbers in plain decimal, no value that names the command.
 * Anything else ({@code --help}, a {@code --name=value}, an unknown or repeated option, a value that does not
 * convert, a missing required option or a value the command refuses) gives empty, and picocli parses the line, so
 * help and usage errors look the same whichever way a line goes. {@code QuickCommandLineTest} checks that both
 * parses agree, option by option.
 */
final class QuickCommandLine {
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

    private QuickCommandLine() {
    }

    /** The parsed command, its {@link HostSubcommand#host} set, or empty when picocli must parse the line. */
    static Optional<HostSubcommand> parse(String[] args) {
        String name = Main.commandName(args);
        HostSubcommand command = name == null ? null : switch (name) {
            case "sources" -> new SourcesCommand();
            case "chats" -> new ChatsCommand();
            case "messages" -> new MessagesCommand();
            case "ingest" -> new IngestCommand();
            default -> null;
        };
        if (command == null) {
            return Optional.empty();
        }
        HostCommand host = new HostCommand();
        command.host = host;
        Set<String> seen = new HashSet<>();
        boolean afterCommand = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!afterCommand && arg.equals(name)) {
                afterCommand = true;
                continue;
            }
            if (!seen.add(arg)) {
                return Optional.empty();
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            int used = host.quickOption(arg, value);
            if (used == 0 && afterCommand) {
                used = command.quickOption(arg, value);
            }
            // Picocli reads an argument that names a command as that command, not as an option's value.
            if (used == 0 || used == 2 && value.equals(name)) {
                return Optional.empty();
            }
            i += used - 1;
        }
        return command.quickComplete() ? Optional.of(command) : Optional.empty();
    }

    /** Runs a quickly parsed command as picocli's execution strategy and exception handler in {@link Main} do. */
    static int execute(HostSubcommand command, PrintWriter out, PrintWriter err) {
        command.streams(out, err);
        boolean verbose = command.host.verbose();
        Logging.verbose(verbose);
        try {
            return command.call();
        } catch (Exception failure) {
            Errors.print(failure, err, verbose);
            return Errors.exitCode(failure);
        }
    }

    /** A plain decimal number, as picocli's converters read it; null for another form (picocli parses that line). */
    static Long decimal(String value) {
        return value != null && DECIMAL.matcher(value).matches() ? Long.valueOf(value) : null;
    }

    /**
     * An option's value picocli would take as one: null for none or for one that starts with '-' and is not a number
     * (picocli may read that as the next option).
     */
    static String text(String value) {
        return value == null || value.startsWith("-") && decimal(value) == null ? null : value;
    }
}
