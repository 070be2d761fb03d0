package vn.directivetracker.reporting.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.reporting.statistics.AgencyStatistics;

/** What the dashboard page shows, ready for the template (no logic in Thymeleaf). */
public record DashboardView(
        LocalDate asOf,
        AgencyKind kind,
        Long directiveId,
        AgencyStatistics totals,
        List<Bar> bars,
        List<Listed> overdue,
        int overdueHidden,
        List<Listed> dueSoon,
        int dueSoonHidden,
        List<DirectiveProgress> directives,
        int directivesHidden,
        String exportQuery) {

    /** The order and colours of the chart's segments; legend and bars use the same list. */
    public static final List<Segment> LEGEND = List.of(
            new Segment(StatusBucket.IN_PROGRESS_OVERDUE, "#c0392b"),
            new Segment(StatusBucket.COMPLETED_LATE, "#e67e22"),
            new Segment(StatusBucket.IN_PROGRESS_ON_TIME, "#2e86c1"),
            new Segment(StatusBucket.COMPLETED_ON_TIME, "#27ae60"),
            new Segment(StatusBucket.ONGOING, "#95a5a6"),
            new Segment(StatusBucket.CANCELLED, "#d5d8dc"));

    public record Segment(StatusBucket bucket, String color) {
        public String label() {
            return bucket.label();
        }
    }

    /** One agency's bar: segment widths in percent of the widest bar. */
    public record Bar(String code, String name, int total, int overdue, BigDecimal onTimeRate, List<Part> parts) {}

    public record Part(String label, String color, int count, double widthPercent) {}

    /** A row of the overdue or due-soon list, with its links into Cockpit and Tasklist. */
    public record Listed(String agencyName, String directiveNumber, String itemLabel, LocalDate deadline, long days,
            int workingDays, String cockpitUrl, String tasklistUrl) {}

    public record DirectiveProgress(long id, String number, String subject, int total, int completed, int overdue,
            int percent) {}
}
