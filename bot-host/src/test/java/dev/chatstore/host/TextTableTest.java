package dev.chatstore.host;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {
    @Test
    void padsColumnsToTheWidestCell() {
        String table = TextTable.of("NAME", "CHATS").row("primary", 12).row("a", null).render();

        assertThat(table).isEqualTo("""
                NAME     CHATS
                primary  12
                a        -
                """);
    }

    /** Every kind of line break regex's \\R knows, with the blanks around it, becomes one space. */
    @Test
    void everyLineBreakWithItsBlanksBecomesOneSpace() {
        for (String lineBreak : new String[] {"\n", "\r\n", "\r", "\u000B", "\f", "\u0085", "\u2028", "\u2029"}) {
            assertThat(TextTable.cell("a \t" + lineBreak + "  b")).as("%h", lineBreak.charAt(0))
                    .isEqualTo("a b");
        }
        assertThat(TextTable.cell("a\tb  c")).isEqualTo("a b  c");
    }

    @Test
    void measuresWideCharactersAsTwoColumnsAndFlattensLineBreaks() {
        String table = TextTable.of("T", "X").row("🥾東", "y").row("a\nb", "z").row("é", "w").render();

        assertThat(table).isEqualTo("""
                T     X
                🥾東  y
                a b   z
                é     w
                """);
        assertThat(TextTable.width("🏔️")).isEqualTo(2);
    }

    @Test
    void cutsLongCellsWithAnEllipsis() {
        String cell = TextTable.cell("x".repeat(100));

        assertThat(cell).hasSize(TextTable.MAX_CELL_WIDTH).endsWith("…");
        assertThat(TextTable.width(TextTable.cell("東".repeat(100)))).isLessThanOrEqualTo(TextTable.MAX_CELL_WIDTH);
    }

    @Test
    void showsControlCharactersEscapedSoTheyCannotDriveTheTerminal() {
        String table = TextTable.of("TITLE").row("a\u001b[2J\u001b]0;x\u0007\u009bb\u007f\tc").render();

        assertThat(table).isEqualTo("TITLE\na\\x1B[2J\\x1B]0;x\\x07\\x9Bb\\x7F c\n");
        assertThat(Errors.oneLine("line\nbreak \u001b[31m")).isEqualTo("line break \\x1B[31m");
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> TextTable.of("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
