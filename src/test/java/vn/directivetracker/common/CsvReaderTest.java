package vn.directivetracker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsAndNumbersLinesAsWritten() {
        String text = "\uFEFFcode;name\n"
                + "# a comment\n"
                + "\n"
                + "A1;\"Sở A; Sở B\"\n"
                + "   \n"
                + "B2;\"Trường \"\"Hoa Sen\"\"\"\n"
                + "C3;last line without newline";

        List<CsvReader.Row> rows = CsvReader.read(text);

        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 4L, 6L, 7L);
        assertThat(rows.get(1).cells()).containsExactly("A1", "Sở A; Sở B");
        assertThat(rows.get(2).cell(1)).isEqualTo("Trường \"Hoa Sen\"");
        assertThat(rows.get(3).cell(1)).isEqualTo("last line without newline");
        assertThat(rows.get(3).cell(5)).isEmpty();
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        assertThatThrownBy(() -> CsvReader.read("code;name\nA1;ok\nB2;\"never closed\n"))
                .isInstanceOfSatisfying(CsvReader.UnreadableException.class, e -> {
                    assertThat(e.problem().line()).isGreaterThanOrEqualTo(3);
                    assertThat(e.problem().message()).contains("thiếu dấu \"");
                });
    }
}
