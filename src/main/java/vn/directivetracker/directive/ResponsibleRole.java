package vn.directivetracker.directive;

/** Chủ trì or phối hợp. */
public enum ResponsibleRole {
    LEAD("Chủ trì"),
    COORDINATING("Phối hợp");

    private final String label;

    ResponsibleRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
