package vn.directivetracker.agency;

public enum AgencyKind {
    /** Sở, ban, ngành thuộc UBND tỉnh. */
    DEPARTMENT,
    /** Province-level units outside the departments: Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, the press. */
    PROVINCIAL_UNIT,
    /** Phường. */
    WARD,
    /** Xã. */
    COMMUNE
}
