package dev.chatstore.host;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java blocks for bot developers are copies of compiled, run test code: each block marked
 * {@code README:begin} in the test sources below appears verbatim (dedented) in README.md, so the README cannot
 * drift from code that compiles and passes.
 */
class ReadmeSnippetsTest {
    private static final List<String> SOURCES = List.of("BotDeveloperExamplesTest.java", "BotDeveloperSetupIT.java");

    @Test
    void everyMarkedBlockIsInTheReadme() throws IOException {
        String readme = Files.readString(HostProcess.repoRoot().resolve("README.md"));
        List<String> blocks = new ArrayList<>();
        for (String source : SOURCES) {
            blocks.addAll(blocks(Files.readString(Path.of("src/test/java/dev/chatstore/host", source))));
        }
        assertThat(blocks).hasSize(5);
        for (String block : blocks) {
            assertThat(readme).as("README.md holds this block verbatim:%n%s", block).contains(block);
        }
    }

    /** The marked blocks of a source, each dedented by its first line's indentation. */
    static List<String> blocks(String source) {
        List<String> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : source.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("// README:begin")) {
                current = new ArrayList<>();
            } else if (trimmed.equals("// README:end")) {
                blocks.add(dedent(current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList());
    }
}
