package dev.chatstore.host;

import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageConfigException;
import dev.chatstore.storage.spi.StorageException;
import dev.chatstore.storage.spi.UnknownSourceException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorsTest {
    @Test
    void usageAndConfigurationProblemsExitWith2() {
        assertThat(Errors.exitCode(new StorageConfigException("x"))).isEqualTo(2);
        assertThat(Errors.exitCode(new UnknownSourceException("archiv", List.of("primary", "archive")))).isEqualTo(2);
        assertThat(Errors.exitCode(HostFailure.usage("x"))).isEqualTo(2);
        assertThat(Errors.exitCode(new CommandLine.ParameterException(new CommandLine(new HostCommand()), "x")))
                .isEqualTo(2);
    }

    @Test
    void failedWorkExitsWith1() {
        assertThat(Errors.exitCode(new ReadOnlySourceException("archive", "addChatMessage"))).isEqualTo(1);
        assertThat(Errors.exitCode(new SourceUnavailableException("a", "Source 'a' (/x.db) cannot be opened", null)))
                .isEqualTo(1);
        assertThat(Errors.exitCode(new StorageException("x"))).isEqualTo(1);
        assertThat(Errors.exitCode(new IllegalStateException("bug"))).isEqualTo(1);
        assertThat(Errors.exitCode(new HostFailure(1, "old SQLite"))).isEqualTo(1);
    }

    @Test
    void aConfigExceptionPrintsEveryProblemUnderOneLine() {
        List<String> lines = Errors.describe(new StorageConfigException(List.of("first", "second\nline")));

        assertThat(lines).containsExactly(
                "Invalid configuration (2 problems); fix the config file and run check-config:",
                "  - first",
                "  - second line");
    }

    @Test
    void aStorageExceptionIsItsMessageOnOneLine() {
        assertThat(Errors.describe(new ReadOnlySourceException("archive", "addChatMessage"))).singleElement()
                .asString().startsWith("Cannot perform write operation on readonly source 'archive'. "
                        + "This source is configured as readonly.");
    }

    @Test
    void anUnexpectedFailureNamesItsTypeAndPointsAtVerbose() {
        assertThat(Errors.describe(new IllegalStateException("boom"))).containsExactly(
                "Unexpected IllegalStateException: boom (run with -v for the stack trace)");
    }

    @Test
    void printShowsTheStackTraceOnlyWhenVerbose() {
        StringWriter quiet = new StringWriter();
        Errors.print(new HostFailure(2, "Bad thing; do this", List.of("a", "b")), new PrintWriter(quiet), false);
        StringWriter verbose = new StringWriter();
        Errors.print(new StorageException("broken"), new PrintWriter(verbose), true);

        assertThat(quiet.toString()).isEqualTo("Error: Bad thing; do this\n  - a\n  - b\n".replace("\n", System.lineSeparator()));
        assertThat(verbose.toString()).startsWith("Error: broken").contains("\tat ");
    }

    @Test
    void oneLineAddsTheCauseWhenItSaysMore() {
        StorageException failure = new StorageException("Source 'a' failed", new IOException("disk full"));

        assertThat(Errors.oneLine(failure)).isEqualTo("Source 'a' failed: disk full");
        assertThat(Errors.oneLine(new StorageException("x: disk full", new IOException("disk full"))))
                .isEqualTo("x: disk full");
    }
}
