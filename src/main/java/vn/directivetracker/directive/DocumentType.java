package vn.directivetracker.directive;

/**
 * Kinds of administrative documents a People's Committee issues to steer its agencies, with the
 * number symbol each gets (Nghị định 30/2020/NĐ-CP, Phụ lục III): an official letter carries the
 * issuing body and the drafting field ({@code 15/UBND-KGVX}); named documents carry their kind
 * ({@code 15/KH-UBND}).
 */
public enum DocumentType {
    CONG_VAN("Công văn", null),
    KE_HOACH("Kế hoạch", "KH"),
    THONG_BAO("Thông báo", "TB"),
    CHI_THI("Chỉ thị", "CT"),
    QUYET_DINH("Quyết định", "QĐ");

    private final String label;
    private final String abbreviation;

    DocumentType(String label, String abbreviation) {
        this.label = label;
        this.abbreviation = abbreviation;
    }

    public String label() {
        return label;
    }

    /** Numbers below 10 are written with a leading zero (Nghị định 30/2020, Phụ lục I). */
    public String formatNumber(int sequence, String issuerSymbol, String fieldCode) {
        String number = String.format("%02d", sequence);
        return abbreviation == null
                ? number + "/" + issuerSymbol + "-" + fieldCode
                : number + "/" + abbreviation + "-" + issuerSymbol;
    }
}
