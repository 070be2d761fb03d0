package vn.directivetracker.reporting.statistics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.directivetracker.assignment.DeadlineSettings;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.reporting.ReportingPeriod;

/**
 * The statistics as they were computed before ADR 16, kept as the reference the SQL aggregation is
 * compared with: every assignment loaded ({@link TrackedAssignments#find}, deadlines in force at the
 * reference date) and bucketed in Java by {@link StatusBucket}. Test code only.
 */
public final class LegacyStatistics {

    private final TrackedAssignments assignments;
    private final WorkingDayCalendar calendar;
    private final DeadlineSettings settings;

    public LegacyStatistics(TrackedAssignments assignments, WorkingDayCalendar calendar, DeadlineSettings settings) {
        this.assignments = assignments;
        this.calendar = calendar;
        this.settings = settings;
    }

    public Statistics compute(StatisticsFilter filter, ReportingPeriod period) {
        List<TrackedAssignment> rows = assignments.find(filter);
        DueSoon dueSoon = dueSoon(filter.asOf());
        Map<String, AgencyStatistics> byAgency = new LinkedHashMap<>();
        BucketCounts totals = new BucketCounts();
        for (TrackedAssignment row : rows) {
            StatusBucket bucket = row.assignment().statusAsOf(filter.asOf());
            boolean soon = dueSoon.test(bucket, row.deadline());
            byAgency.computeIfAbsent(row.assignment().agencyCode(), code -> new AgencyStatistics(
                            code, row.agencyName(), row.agencyKind(), new BucketCounts()))
                    .buckets().add(bucket, soon);
            totals.add(bucket, soon);
        }
        List<AgencyStatistics> agencies = byAgency.values().stream()
                .sorted(Comparator.comparing(AgencyStatistics::agencyKind).thenComparing(AgencyStatistics::agencyCode))
                .toList();
        return new Statistics(filter.asOf(), period, filter.directiveId(), agencies,
                new AgencyStatistics(null, "Tổng cộng", null, totals));
    }

    public DueSoon dueSoon(LocalDate asOf) {
        LocalDate firstNotSoon = calendar.addWorkingDays(asOf, settings.dueSoonDays() + 1);
        return (bucket, deadline) -> bucket == StatusBucket.IN_PROGRESS_ON_TIME && deadline.isBefore(firstNotSoon);
    }

    @FunctionalInterface
    public interface DueSoon {
        boolean test(StatusBucket bucket, LocalDate deadline);
    }
}
