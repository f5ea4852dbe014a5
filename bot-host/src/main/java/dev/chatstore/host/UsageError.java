package dev.chatstore.host;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Picocli's usage error ({@code ParameterException}: "Error: ..." and a pointer to --help, exit 2), made in a class
 * of its own. The JVM checks the type a method throws when it links the method's class, and picocli's classes are
 * not in the class data archive (its jar is Java 5 bytecode): a command class that named {@code ParameterException}
 * itself would open picocli's jar, and the jars before it on the class path, at every start, also on the lines
 * {@link QuickCommandLine} parses without picocli.
 */
final class UsageError {
    private UsageError() {
    }

    static RuntimeException of(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
