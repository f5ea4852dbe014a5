package dev.chatstore.reliability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "bad input", through the built host: control characters from the data reach neither the table output
 * nor an error line raw; one syntax error in a JSON array costs one update, not every later one; a line that is not
 * UTF-8 is rejected as malformed with its line number instead of being stored with replacement characters.
 */
class BadInputIT {
    static final long CHAT = -1001234567890L;

    @TempDir
    Path dir;
    HostFiles host;
    Path db;

    @BeforeEach
    void host() {
        host = new HostFiles(dir);
        db = dir.resolve("bot.db");
    }

    @Test
    void controlCharactersInTitlesTextsAndNamesAreShownEscaped() {
        String evil = "Evil\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m";
        host.write("evil.jsonl", HostFiles.update(1, CHAT, evil, 1, HostFiles.ALICE, null)
                .replace("\"text\": \"m1\"", "\"text\": \"" + evil + "\"") + "\n");
        host.host(null, "--db", db.toString(), "ingest", dir.resolve("evil.jsonl").toString()).exits(0);

        String chats = host.host(null, "--db", db.toString(), "chats").exits(0).out();
        String messages = host.host(null, "--db", db.toString(), "messages", "--chat", Long.toString(CHAT)).exits(0).out();
        String error = host.host(null, "--db", db.toString(), "messages", "--chat", "1", "--source",
                "x\u001b[2Jy").exits(2).errorLine();

        for (String output : new String[] {chats, messages, error}) {
            assertThat(output).doesNotContain("\u001b", "\u0007", "\u009b");
        }
        assertThat(chats).contains("Evil\\x1B[2J\\x1B]0;pwned\\x07\\x9B31m");
        assertThat(messages).contains("Evil\\x1B[2J");
        assertThat(error).contains("x\\x1B[2Jy");
        String json = host.host(null, "--db", db.toString(), "chats", "--json").exits(0).out();
        assertThat(json).as("JSON keeps the data, escaped the JSON way").containsIgnoringCase("\\u001b[2J");
    }

    @Test
    void aSyntaxErrorInAJsonArrayCostsOnlyThatUpdate() {
        host.write("array.json", "[\n" + HostFiles.update(1, CHAT, "G", 1, HostFiles.ALICE, null) + ",\n"
                + "{\"update_id\": oops},\n"
                + HostFiles.update(3, CHAT, "G", 3, HostFiles.ALICE, null) + ",\n"
                + HostFiles.update(4, CHAT, "G", 4, HostFiles.BOB, null) + "\n]\n");

        HostProcess.Result result = host.host(null, "--db", db.toString(), "ingest", dir.resolve("array.json").toString())
                .exits(1);

        assertThat(result.out()).contains("1 malformed", "Messages: 3 stored");
        assertThat(result.err()).contains("line 3: malformed update skipped: not valid JSON");
    }

    @Test
    void aLineThatIsNotUtf8IsRejectedWithItsLineNumber() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HostFiles.update(1, CHAT, "G", 1, HostFiles.ALICE, null) + "\n").getBytes(StandardCharsets.UTF_8));
        String second = HostFiles.update(2, CHAT, "G", 2, HostFiles.ALICE, null);
        int cut = second.indexOf("m2");
        bytes.writeBytes(second.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, 0x28});
        bytes.writeBytes((second.substring(cut) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes((HostFiles.update(3, CHAT, "G", 3, HostFiles.ALICE, null) + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("latin.jsonl"), bytes.toByteArray());

        HostProcess.Result result = host.host(null, "--db", db.toString(), "ingest", dir.resolve("latin.jsonl").toString())
                .exits(1);

        assertThat(result.err()).contains("line 2: malformed update skipped: not valid UTF-8");
        assertThat(result.out()).contains("1 malformed", "Messages: 2 stored");
        String stored = host.host(null, "--db", db.toString(), "messages", "--chat", Long.toString(CHAT), "--json")
                .exits(0).out();
        assertThat(stored).doesNotContain("\uFFFD", "\\uFFFD").contains("m1", "m3").doesNotContain("m2");
    }
}
