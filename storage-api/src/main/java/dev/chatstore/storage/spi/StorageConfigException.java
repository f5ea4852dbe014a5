package dev.chatstore.storage.spi;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The configuration is invalid. Carries every problem found, not just the first, so an operator fixes a file
 * in one pass. The message lists them one per line.
 */
public class StorageConfigException extends StorageException {
    private final List<String> problems;

    public StorageConfigException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public StorageConfigException(String problem) {
        this(List.of(requireNonNull(problem, "problem is null")));
    }

    /** Every problem found, in the order they were found; never empty. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        requireNonNull(problems, "problems is null");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a config exception needs at least one problem");
        }
        if (problems.size() == 1) {
            return "Invalid storage configuration: " + problems.get(0);
        }
        StringBuilder message = new StringBuilder("Invalid storage configuration (" + problems.size() + " problems):");
        for (String problem : problems) {
            message.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return message.toString();
    }
}
