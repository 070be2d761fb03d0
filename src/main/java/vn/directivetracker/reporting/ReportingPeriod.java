package vn.directivetracker.reporting;

import java.time.LocalDate;
import vn.directivetracker.directive.ReportSchedule;

/**
 * One reporting period of Nghị định 09/2019/NĐ-CP (Điều 12): the figures cover {@code start} to
 * {@code cutOff} inclusive ("thời gian chốt số liệu").
 *
 * @param code  stable identifier used in URLs and tables: {@code 2026-03}, {@code 2026-Q1},
 *              {@code 2026-H1}, {@code 2026}
 * @param label what users read, e.g. "Quý I năm 2026"
 */
public record ReportingPeriod(ReportSchedule schedule, String code, String label, LocalDate start, LocalDate cutOff) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(cutOff);
    }
}
