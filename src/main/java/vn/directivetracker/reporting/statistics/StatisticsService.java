package vn.directivetracker.reporting.statistics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.directivetracker.assignment.DeadlineSettings;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.reporting.ReportingPeriod;

@Service
public class StatisticsService {

    private final TrackedAssignments assignments;
    private final WorkingDayCalendar calendar;
    private final DeadlineSettings deadlineSettings;

    public StatisticsService(TrackedAssignments assignments, WorkingDayCalendar calendar, DeadlineSettings deadlineSettings) {
        this.assignments = assignments;
        this.calendar = calendar;
        this.deadlineSettings = deadlineSettings;
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

    /**
     * "Sắp đến hạn" as {@code AssignmentStatuses} defines it (at most N working days left), computed
     * once per request: a deadline is due soon iff it falls before the (N+1)-th working day after the
     * reference date. One calendar lookup instead of one per assignment keeps 170 agencies cheap.
     */
    public DueSoon dueSoon(LocalDate asOf) {
        LocalDate firstNotSoon = calendar.addWorkingDays(asOf, deadlineSettings.dueSoonDays() + 1);
        return (bucket, deadline) -> bucket == StatusBucket.IN_PROGRESS_ON_TIME && deadline.isBefore(firstNotSoon);
    }

    @FunctionalInterface
    public interface DueSoon {
        boolean test(StatusBucket bucket, LocalDate deadline);
    }
}
