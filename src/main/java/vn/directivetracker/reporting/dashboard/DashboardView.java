package vn.directivetracker.reporting.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.thymeleaf.util.NumberPointType;
import org.thymeleaf.util.NumberUtils;
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

    /**
     * A segment. {@link #style} and {@link #title} give what the template's former expressions
     * ({@code 'width:' + #numbers.formatDecimal(...) + '%;background:' + color}, {@code label + ': ' + count})
     * gave, with one expression each: ~770 segments at 170 agencies made them a third of the page's
     * rendering (ADR 24).
     */
    public record Part(String label, String color, int count, double widthPercent) {

        /** The CSS, the width formatted as {@code #numbers.formatDecimal(w, 1, 'POINT', 2, 'POINT')} in the page's locale. */
        public String style(Locale locale) {
            return "width:" + NumberUtils.format(widthPercent, 1, NumberPointType.POINT, 2, NumberPointType.POINT, locale)
                    + "%;background:" + color;
        }

        public String title() {
            return label + ": " + count;
        }
    }

    /** A row of the overdue or due-soon list, with its links into Cockpit and Tasklist. */
    public record Listed(String agencyName, String directiveNumber, String itemLabel, LocalDate deadline, long days,
            int workingDays, String cockpitUrl, String tasklistUrl) {

        /** As {@code #temporals.format(deadline, 'dd/MM/yyyy')} (a pattern of digits only: the same in every locale). */
        public String deadlineText() {
            return DAY.format(deadline);
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public record DirectiveProgress(long id, String number, String subject, int total, int completed, int overdue,
            int percent) {}
}
