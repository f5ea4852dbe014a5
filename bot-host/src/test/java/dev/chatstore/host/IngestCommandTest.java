package dev.chatstore.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IngestCommandTest {
    @TempDir
    Path work;

    @Test
    void countsLinesWithOrWithoutATrailingLineBreak() throws IOException {
        assertThat(IngestCommand.countLines(Files.writeString(work.resolve("a"), "1\n2\n3\n"))).isEqualTo(3);
        assertThat(IngestCommand.countLines(Files.writeString(work.resolve("b"), "1\n2\n3"))).isEqualTo(3);
        assertThat(IngestCommand.countLines(Files.writeString(work.resolve("c"), ""))).isZero();
    }
}
