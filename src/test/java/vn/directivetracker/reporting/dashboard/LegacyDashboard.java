package vn.directivetracker.reporting.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.reporting.statistics.Statistics;
import vn.directivetracker.reporting.statistics.StatisticsFilter;
import vn.directivetracker.reporting.statistics.LegacyStatistics;
import vn.directivetracker.reporting.statistics.TrackedAssignment;
import vn.directivetracker.reporting.statistics.TrackedAssignments;

/**
 * The dashboard as built before ADR 16 (a copy of the former DashboardService, test code only): the
 * reference the SQL version is compared with.
 *
 * <p>Former comment:
 * The leaders' dashboard from the same query as the statistics: a bar per agency, the overdue list
 * (most days late first), the due-soon list and each directive's progress. Lists are capped so that
 * ~170 agencies × several directives stay one readable page; the spreadsheet has everything.
 */

public class LegacyDashboard {

    public static final int LIST_LIMIT = 100;

    private final TrackedAssignments assignments;
    private final LegacyStatistics statistics;
    private final WorkingDayCalendar calendar;
    private final TaskService taskService;

    public LegacyDashboard(TrackedAssignments assignments, LegacyStatistics statistics, WorkingDayCalendar calendar,
            TaskService taskService) {
        this.assignments = assignments;
        this.statistics = statistics;
        this.calendar = calendar;
        this.taskService = taskService;
    }

    public DashboardView build(LocalDate asOf, AgencyKind kind, Long directiveId) {
        StatisticsFilter filter = new StatisticsFilter(directiveId, null, kind, null, asOf);
        Statistics figures = statistics.compute(filter, null);
        List<TrackedAssignment> rows = assignments.find(filter);
        LegacyStatistics.DueSoon dueSoonRule = statistics.dueSoon(asOf);

        List<TrackedAssignment> overdue = new ArrayList<>();
        List<TrackedAssignment> dueSoon = new ArrayList<>();
        Map<Long, int[]> progress = new LinkedHashMap<>();
        Map<Long, TrackedAssignment> firstOfDirective = new HashMap<>();
        for (TrackedAssignment row : rows) {
            StatusBucket bucket = row.assignment().statusAsOf(asOf);
            if (bucket == StatusBucket.IN_PROGRESS_OVERDUE) {
                overdue.add(row);
            } else if (dueSoonRule.test(bucket, row.deadline())) {
                dueSoon.add(row);
            }
            long d = row.assignment().directiveId();
            firstOfDirective.putIfAbsent(d, row);
            int[] p = progress.computeIfAbsent(d, k -> new int[3]);
            if (bucket != StatusBucket.CANCELLED) {
                p[0]++;
            }
            if (bucket == StatusBucket.COMPLETED_ON_TIME || bucket == StatusBucket.COMPLETED_LATE) {
                p[1]++;
            }
            if (bucket == StatusBucket.IN_PROGRESS_OVERDUE) {
                p[2]++;
            }
        }
        overdue.sort(Comparator.comparing(TrackedAssignment::deadline).thenComparing(TrackedAssignment::agencyName));
        dueSoon.sort(Comparator.comparing(TrackedAssignment::deadline).thenComparing(TrackedAssignment::agencyName));
        List<TrackedAssignment> shownOverdue = overdue.subList(0, Math.min(LIST_LIMIT, overdue.size()));
        List<TrackedAssignment> shownDueSoon = dueSoon.subList(0, Math.min(LIST_LIMIT, dueSoon.size()));
        Map<String, String> tasks = DashboardRows.openTasks(taskService, shownOverdue, shownDueSoon);

        List<DashboardView.DirectiveProgress> directives = new ArrayList<>();
        progress.forEach((id, p) -> {
            TrackedAssignment first = firstOfDirective.get(id);
            directives.add(new DashboardView.DirectiveProgress(id, first.directiveNumber(), first.directiveSubject(), p[0],
                    p[1], p[2], p[0] == 0 ? 0 : p[1] * 100 / p[0]));
        });
        directives.sort(Comparator.comparingInt(DashboardView.DirectiveProgress::overdue).reversed()
                .thenComparing(DashboardView.DirectiveProgress::id, Comparator.reverseOrder()));

        String query = "asOf=" + asOf + (kind == null ? "" : "&agencyKind=" + kind)
                + (directiveId == null ? "" : "&directiveId=" + directiveId);
        return new DashboardView(asOf, kind, directiveId, figures.totals(), DashboardRows.bars(figures.agencies()),
                DashboardRows.listed(shownOverdue, asOf, tasks, calendar::workingDaysBetween, true), overdue.size() - shownOverdue.size(),
                DashboardRows.listed(shownDueSoon, asOf, tasks, calendar::workingDaysBetween, false), dueSoon.size() - shownDueSoon.size(),
                DashboardRows.shown(directives), directives.size() - DashboardRows.shown(directives).size(), query);
    }

}
