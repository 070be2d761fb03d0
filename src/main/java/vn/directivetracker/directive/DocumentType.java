package vn.directivetracker.directive;

/**
 * Kinds of administrative documents a People's Committee issues to steer its agencies. Each is
 * numbered in its own series with its own symbol (Nghị định 30/2020/NĐ-CP, Điều 15 and Phụ lục III):
 * an official letter carries the issuing body and the drafting field ({@code 15/UBND-KGVX}); named
 * documents carry their kind ({@code 15/KH-UBND}); a normative decision (văn bản quy phạm pháp luật)
 * also carries the year ({@code 12/2026/QĐ-UBND}). Symbols and series: {@link NumberingProperties}.
 */
public enum DocumentType {
    CONG_VAN("Công văn"),
    KE_HOACH("Kế hoạch"),
    THONG_BAO("Thông báo"),
    CHI_THI("Chỉ thị"),
    QUYET_DINH("Quyết định"),
    QUYET_DINH_QPPL("Quyết định (quy phạm pháp luật)");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
