package dev.chatstore.host;

import dev.chatstore.host.telegram.IngestSummary;
import dev.chatstore.host.telegram.UpdateIngester;
import dev.chatstore.storage.routing.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.UTF_8;

/** {@code ingest}: stores Telegram Bot API updates from a file or stdin. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads Telegram Bot API Update objects (one JSON object per line, or a JSON array) and stores "
                + "each through the routing chain; prints a summary per source.",
            "Already stored updates count as duplicates. Malformed lines are reported with their line number and "
                    + "skipped; updates of chats routed to a readonly source are refused with the guard's message.",
            "Exit code 1 when any update was malformed, refused or failed (everything else is still stored)."})
final class IngestCommand extends HostSubcommand {
    static final String STDIN = "-";

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", defaultValue = STDIN,
            description = "The updates file, UTF-8; '-' or nothing for stdin.")
    String input = STDIN;

    @Mixin
    JsonOption output = new JsonOption();

    /** Whether {@link QuickCommandLine} saw the file argument (one at most). */
    private boolean inputGiven;

    @Override
    int quickOption(String name, String value) {
        if (name.equals(STDIN) || !name.startsWith("-")) {
            if (inputGiven) {
                return 0;
            }
            input = name;
            inputGiven = true;
            return 1;
        }
        return output.quickOption(name);
    }

    @Override
    public Integer call() throws IOException {
        Path file = STDIN.equals(input) ? null : Path.of(input).toAbsolutePath().normalize();
        if (file != null && !Files.isRegularFile(file)) {
            throw HostFailure.usage("Input file " + file + " not found: give a file of Telegram updates, or '-' for stdin");
        }
        IngestSummary summary;
        // A file is read, parsed and mapped on the reading thread while the host starts (the second core: Jackson's
        // cold start and the first chunk were on the critical path after start-up). stdin is read once the host is
        // up: a start-up that fails must not have consumed a pipe, nor wait for a reading thread blocked on it.
        try (Reader reader = open(file);
             UpdateIngester.ReadAhead ahead = file == null ? null : UpdateIngester.readAhead(reader);
             HostRuntime runtime = startRuntime(); RuntimeShutdownHook hook = RuntimeShutdownHook.closing(runtime)) {
            Storage storage = runtime.storage();
            UpdateIngester ingester = new UpdateIngester(storage, chatId -> storage.route(chatId, null).sourceName());
            long lines = file != null && System.console() != null ? countLines(file) : -1;
            try (Progress progress = Progress.start("Ingesting", lines, "lines")) {
                IngestReporter reporter = new IngestReporter(err(), progress);
                summary = ahead != null ? ingester.ingest(ahead, reporter) : ingester.ingest(reader, reporter);
            }
        }
        if (output.json) {
            Json.print(out(), summary);
        } else {
            out().print(summary.format());
            out().flush();
        }
        return summary.malformed() + summary.refused() + summary.failed() > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    private static Reader open(Path file) throws IOException {
        InputStream in = file == null ? System.in : Files.newInputStream(file);
        // Bytes that are not UTF-8 become a marker the ingester rejects with the line number, not a silent U+FFFD.
        CharsetDecoder decoder = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(UpdateIngester.INVALID_INPUT));
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    static long countLines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            int last = '\n';
            for (int read; (read = in.read(buffer)) > 0; ) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
            }
            return last == '\n' ? lines : lines + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
