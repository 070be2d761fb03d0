package vn.directivetracker.directive;

/** How often an ongoing ("thường xuyên") item is reported on (Nghị định 09/2019/NĐ-CP periods). */
public enum ReportSchedule {
    MONTHLY,
    QUARTERLY,
    HALF_YEARLY,
    YEARLY
}
