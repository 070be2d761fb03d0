package vn.directivetracker.reporting.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.reporting.statistics.AgencyStatistics;
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
        Map<String, String> tasks = openTasks(shownOverdue, shownDueSoon);

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
        return new DashboardView(asOf, kind, directiveId, figures.totals(), bars(figures.agencies()),
                listed(shownOverdue, asOf, tasks, true), overdue.size() - shownOverdue.size(),
                listed(shownDueSoon, asOf, tasks, false), dueSoon.size() - shownDueSoon.size(), directives, query);
    }

    /** Agencies with overdue work first (most first), then by size, then kind and name; bars scaled to the largest. */
    private static List<DashboardView.Bar> bars(List<AgencyStatistics> agencies) {
        int max = agencies.stream().mapToInt(AgencyStatistics::total).max().orElse(1);
        return agencies.stream()
                .sorted(Comparator.comparingInt((AgencyStatistics a) -> a.buckets().get(StatusBucket.IN_PROGRESS_OVERDUE))
                        .reversed().thenComparing(Comparator.comparingInt(AgencyStatistics::total).reversed())
                        .thenComparing(AgencyStatistics::agencyKind).thenComparing(AgencyStatistics::agencyName))
                .map(a -> new DashboardView.Bar(a.agencyCode(), a.agencyName(), a.total(),
                        a.buckets().get(StatusBucket.IN_PROGRESS_OVERDUE), a.onTimeRate(),
                        DashboardView.LEGEND.stream()
                                .filter(s -> a.buckets().get(s.bucket()) > 0)
                                .map(s -> new DashboardView.Part(s.label(), s.color(), a.buckets().get(s.bucket()),
                                        a.buckets().get(s.bucket()) * 100.0 / max))
                                .toList()))
                .toList();
    }

    private List<DashboardView.Listed> listed(List<TrackedAssignment> rows, LocalDate asOf, Map<String, String> tasks,
            boolean late) {
        return rows.stream().map(t -> {
            String pi = t.assignment().processInstanceId();
            String task = pi == null ? null : tasks.get(pi);
            long days = late ? ChronoUnit.DAYS.between(t.deadline(), asOf) : ChronoUnit.DAYS.between(asOf, t.deadline());
            int working = late ? calendar.workingDaysBetween(t.deadline(), asOf) : calendar.workingDaysBetween(asOf, t.deadline());
            return new DashboardView.Listed(t.agencyName(), t.directiveNumber(), t.itemLabel(), t.deadline(), days, working,
                    pi == null ? null : "/camunda/app/cockpit/default/#/process-instance/" + pi + "/runtime",
                    task == null ? null : "/camunda/app/tasklist/default/#/?task=" + task);
        }).toList();
    }

    /** One engine query for the open task of every listed assignment, for the Tasklist links. */
    private Map<String, String> openTasks(List<TrackedAssignment> a, List<TrackedAssignment> b) {
        List<String> ids = new ArrayList<>();
        a.forEach(t -> ids.add(t.assignment().processInstanceId()));
        b.forEach(t -> ids.add(t.assignment().processInstanceId()));
        ids.removeIf(java.util.Objects::isNull);
        Map<String, String> byInstance = new HashMap<>();
        if (ids.isEmpty()) {
            return byInstance;
        }
        for (Task task : taskService.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).active()
                .orderByTaskCreateTime().desc().list()) {
            byInstance.putIfAbsent(task.getProcessInstanceId(), task.getId());
        }
        return byInstance;
    }
}
