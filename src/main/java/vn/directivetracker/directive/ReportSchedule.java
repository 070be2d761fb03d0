package vn.directivetracker.directive;

/** How often an ongoing ("thường xuyên") item is reported on (Nghị định 09/2019/NĐ-CP periods). */
public enum ReportSchedule {
    MONTHLY,
    QUARTERLY,
    HALF_YEARLY,
    /** "Báo cáo 9 tháng": 15/12 of the previous year to 14/9, once a year (provincial practice). */
    NINE_MONTHS,
    YEARLY
}
