package dev.chatstore.host;

import dev.chatstore.storage.spi.StorageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatMappingEditorTest {
    private static final String FILE = """
            # bot
            [database]
            default = "main"

            [database.chatMapping]
            # archived
            -100 = "main"     # old home
            "-200" = 'other'

            [server]
            max-threads = 8
            """;

    @Test
    void replacesAnExistingLineKeepingItsComment() {
        assertThat(ChatMappingEditor.set(FILE, -100, "archive"))
                .isEqualTo(FILE.replace("-100 = \"main\"     # old home", "-100 = \"archive\"     # old home"));
    }

    @Test
    void replacesAQuotedKey() {
        assertThat(ChatMappingEditor.set(FILE, -200, "archive"))
                .isEqualTo(FILE.replace("\"-200\" = 'other'", "\"-200\" = \"archive\""));
    }

    @Test
    void addsANewLineAfterTheTablesLastKeyNotAfterTheNextTable() {
        assertThat(ChatMappingEditor.set(FILE, -300, "archive"))
                .isEqualTo(FILE.replace("\"-200\" = 'other'\n", "\"-200\" = 'other'\n-300 = \"archive\"\n"));
    }

    @Test
    void addsTheTableWhenTheFileHasNone() {
        assertThat(ChatMappingEditor.set("[database]\ndefault = \"main\"", 5, "x"))
                .isEqualTo("[database]\ndefault = \"main\"\n\n[database.chatMapping]\n5 = \"x\"\n");
    }

    @Test
    void keepsWindowsLineEndings() {
        assertThat(ChatMappingEditor.set("[database.chatMapping]\r\n1 = \"a\"\r\n", 1, "b"))
                .isEqualTo("[database.chatMapping]\r\n1 = \"b\"\r\n");
    }

    @Test
    void refusesAnInlineMapping() {
        assertThatThrownBy(() -> ChatMappingEditor.set("[database]\nchatMapping = { 1 = \"a\" }\n", 1, "b"))
                .isInstanceOf(StorageException.class).hasMessageContaining("inline");
    }
}
