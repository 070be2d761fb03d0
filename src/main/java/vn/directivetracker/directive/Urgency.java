package vn.directivetracker.directive;

/** Mức độ khẩn. */
public enum Urgency {
    NORMAL("Thường"),
    KHAN("Khẩn"),
    THUONG_KHAN("Thượng khẩn"),
    HOA_TOC("Hỏa tốc");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
