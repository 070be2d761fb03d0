package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Number and symbol per document type (Nghị định 30/2020, Phụ lục III; Gia Lai's practice). */
class NumberingPropertiesTest {

    private final NumberingProperties defaults = new NumberingProperties(null, null);

    @Test
    void eachTypeHasItsSymbol() {
        assertThat(defaults.format(DocumentType.CONG_VAN, 5, 2026, "KGVX")).isEqualTo("05/UBND-KGVX");
        assertThat(defaults.format(DocumentType.QUYET_DINH, 36, 2026, "KGVX")).isEqualTo("36/QĐ-UBND");
        assertThat(defaults.format(DocumentType.QUYET_DINH_QPPL, 12, 2026, "KGVX")).isEqualTo("12/2026/QĐ-UBND");
        assertThat(defaults.format(DocumentType.KE_HOACH, 101, 2026, "KGVX")).isEqualTo("101/KH-UBND");
        assertThat(defaults.format(DocumentType.CHI_THI, 3, 2026, "KGVX")).isEqualTo("03/CT-UBND");
        assertThat(defaults.format(DocumentType.THONG_BAO, 7, 2026, "KGVX")).isEqualTo("07/TB-UBND");
        for (DocumentType type : DocumentType.values()) {
            assertThat(defaults.seriesOf(type)).as("own series").isEqualTo(type.name());
        }
    }

    @Test
    void patternsAndSeriesAreConfigurable() {
        NumberingProperties custom = new NumberingProperties(
                Map.of(DocumentType.THONG_BAO, "{nn}/TB-VP"), Map.of(DocumentType.CHI_THI, "QUYET_DINH"));
        assertThat(custom.format(DocumentType.THONG_BAO, 1, 2026, "KGVX")).isEqualTo("01/TB-VP");
        assertThat(custom.format(DocumentType.CONG_VAN, 1, 2026, "KT")).isEqualTo("01/UBND-KT");
        assertThat(custom.seriesOf(DocumentType.CHI_THI)).isEqualTo("QUYET_DINH");
        assertThat(custom.seriesOf(DocumentType.KE_HOACH)).isEqualTo("KE_HOACH");
    }

    @Test
    void aPatternWithoutTheNumberIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new NumberingProperties(Map.of(DocumentType.KE_HOACH, "KH-UBND"), null))
                .hasMessageContaining("KE_HOACH").hasMessageContaining("{nn}");
    }
}
