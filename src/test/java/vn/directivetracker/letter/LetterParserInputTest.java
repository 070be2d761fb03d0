package vn.directivetracker.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** The Java API's answers to input that is not a letter, and to the same letter written differently. */
class LetterParserInputTest {

    private final LetterParser parser = TestDirectory.parser();

    @Test
    void emptyAndBlankTextIsRefusedInVietnamese() {
        for (String empty : new String[] {null, "", " \n\t\u00A0\n"}) {
            assertThatThrownBy(() -> parser.parse(empty)).isInstanceOf(LetterRejectedException.class)
                    .hasMessageContaining("Chưa có nội dung văn bản")
                    .satisfies(e -> assertThat(((LetterRejectedException) e).status()).isEqualTo(400));
        }
    }

    @Test
    void textThatIsNotALetterIsRefused() {
        assertThatThrownBy(() -> parser.parse("Danh sách mua sắm\nBút bi: 20 hộp\nGiấy A4: 15 ram"))
                .isInstanceOf(LetterRejectedException.class)
                .hasMessageContaining("Không nhận ra văn bản hành chính");
    }

    @Test
    void overlongTextIsRefused() {
        String huge = "Số: 1/UBND-KGVX\n" + "a".repeat(LetterParser.MAX_CHARACTERS);
        assertThatThrownBy(() -> parser.parse(huge)).isInstanceOf(LetterRejectedException.class)
                .satisfies(e -> assertThat(((LetterRejectedException) e).status()).isEqualTo(413));
    }

    @Test
    void combiningDiacriticsOldTonePlacementAndWindowsLineEndsGiveTheSameProposal() {
        String seed = CorpusLetters.seedText();
        String variant = Normalizer.normalize(seed.replace("Ủy", "Uỷ").replace("hóa", "hoá"), Normalizer.Form.NFD).replace("\n", "\r\n");

        LetterProposal plain = parser.parse(seed);
        LetterProposal other = parser.parse(variant);

        assertThat(other.directive().items()).extracting(i -> i.leadAgencies())
                .isEqualTo(plain.directive().items().stream().map(i -> i.leadAgencies()).toList());
        assertThat(other.directive().recipients()).isEqualTo(plain.directive().recipients());
        assertThat(other.letter().assignmentCount()).isEqualTo(163);
    }

    @Test
    void namesWrappedAcrossLinesAndCommaFreeVariantsResolve() {
        LetterProposal proposal = parser.parse("""
                Số: 12/UBND-KGVX
                V/v thử
                Kính gửi: Sở Văn hóa Thể thao
                và Du lịch.
                1. Giao Sở Văn hóa - Thể thao và Du lịch chủ trì, phối hợp với Ủy ban nhân dân
                phường Quy Nhơn Đông thực hiện trước ngày 15/6/2026.
                """);

        assertThat(proposal.directive().items().get(0).leadAgencies()).containsExactly("SVHTTDL");
        assertThat(proposal.directive().items().get(0).coordinating()).containsExactly("PQUYNHONDONG");
    }
}
