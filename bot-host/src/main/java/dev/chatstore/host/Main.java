package dev.chatstore.host;

import dev.chatstore.storage.spi.MetricsSwitch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Entry point of {@code java -jar bot-host.jar}: runs one command and exits with its code (0, 1 or 2). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Guice records where each binding was declared; by default it walks the stack for every one of them. The
        // declaring class (without line numbers) names the binding as well in an error, for less of the start. And
        // it generates a class per injected constructor and provider method, which a one-shot run never repays
        // (plain reflection instead; the storage is built once, its calls do not go through Guice).
        setIfAbsent("guice_include_stack_traces", "OFF");
        setIfAbsent("guice_bytecode_gen_option", "DISABLED");
        // Logging without logback's class path scans and self-checks (HostLogProvider says which); SLF4J's own notes
        // below WARN, such as "Attempting to load provider", would go to stderr among the host's log lines.
        setIfAbsent("slf4j.provider", HostLogProvider.class.getName());
        setIfAbsent("slf4j.internal.verbosity", "WARN");
        // Only serve exports metrics (GET /metrics); for the other commands nothing reads them, and starting
        // Micrometer is a twentieth of a short command's run.
        if (!"serve".equals(commandName(args))) {
            setIfAbsent(MetricsSwitch.PROPERTY, MetricsSwitch.OFF);
        }
        // UTF-8 whatever the locale: chat text has emoji and non-Latin scripts, and a POSIX locale would print '?'.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, UTF_8)), true);
        PrintWriter err = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.err, UTF_8)), true);
        int exitCode = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /**
     * Runs one command line with the given streams; returns the exit code. The usual lines of the read commands skip
     * picocli ({@link QuickCommandLine} says why and which lines).
     */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        Optional<HostSubcommand> quick = QuickCommandLine.parse(args);
        if (quick.isPresent()) {
            return QuickCommandLine.execute(quick.get(), out, err);
        }
        return commandLine(out, err, commandName(args)).execute(args);
    }

    /** The command line with every command, as {@code --help} lists them. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The command line with only the named command when {@code name} is one, else with all of them. Building a
     * command's model (picocli reads its annotations by reflection) costs about a tenth of a short run for the
     * eleven commands, and a run uses one.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String name) {
        HostCommand host = new HostCommand();
        CommandLine commandLine = new CommandLine(host);
        List<Class<? extends HostSubcommand>> named = HostCommand.COMMANDS.stream()
                .filter(command -> command.getAnnotation(Command.class).name().equals(name)).toList();
        (named.isEmpty() ? HostCommand.COMMANDS : named).forEach(commandLine::addSubcommand);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(parseResult -> {
            Logging.verbose(host.verbose());
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((failure, command, parseResult) -> {
            Errors.print(failure, command.getErr(), host.verbose());
            return Errors.exitCode(failure);
        });
        commandLine.setParameterExceptionHandler((failure, args) -> {
            PrintWriter stderr = failure.getCommandLine().getErr();
            stderr.println("Error: " + Errors.oneLine(failure.getMessage()));
            stderr.println("Run '" + failure.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            stderr.flush();
            return ExitCode.USAGE;
        });
        return commandLine;
    }

    /** The first argument that is neither an option nor a global option's value: the command, if any. */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (HostCommand.VALUE_OPTIONS.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }
}
