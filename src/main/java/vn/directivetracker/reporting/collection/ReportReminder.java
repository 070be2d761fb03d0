package vn.directivetracker.reporting.collection;

import java.time.LocalDate;

/**
 * A periodic report of one agency is due soon, or overdue: published by {@link ReportNotifications}
 * in the timer job's transaction; {@code notification} writes the emails
 * (docs/adr/0010-dependency-direction-and-domain-events.md).
 *
 * @param periodKey identifies the collection in the emails' de-duplication key (the report-period id)
 */
public record ReportReminder(boolean overdue, long directiveId, String agencyCode, String periodKey,
        String periodLabel, LocalDate cutOff, LocalDate deadline) {}
